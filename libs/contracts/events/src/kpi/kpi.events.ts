import { Type } from '@sinclair/typebox';
import { defineEvent, type EventOf } from '../define-event';
import { DateTime, Text, Uuid } from '../schema';

export const KpiCreated = defineEvent({
  type: 'kpi.created',
  version: 1,
  aggregateType: 'kpi',
  description: 'A kpi was created in the kpi subgraph.',
  data: Type.Object({ kpiId: Uuid(), title: Text(), createdAt: DateTime() }, { additionalProperties: false }),
});

export const kpiEventDefinitions = [KpiCreated] as const;

export type KpiEvent = EventOf<(typeof kpiEventDefinitions)[number]>;
export type KpiEventType = KpiEvent['type'];
