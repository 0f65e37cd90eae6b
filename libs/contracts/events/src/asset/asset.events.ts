import { Type } from '@sinclair/typebox';
import { defineEvent, type EventOf } from '../define-event';
import { DateTime, Text, Uuid } from '../schema';

export const AssetCreated = defineEvent({
  type: 'asset.created',
  version: 1,
  aggregateType: 'asset',
  description: 'A asset was created in the asset subgraph.',
  data: Type.Object(
    { assetId: Uuid(), title: Text(), createdAt: DateTime() },
    { additionalProperties: false },
  ),
});

export const assetEventDefinitions = [AssetCreated] as const;

export type AssetEvent = EventOf<(typeof assetEventDefinitions)[number]>;
export type AssetEventType = AssetEvent['type'];
