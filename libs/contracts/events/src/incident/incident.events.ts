import { Type } from '@sinclair/typebox';
import { defineEvent, type EventOf } from '../define-event';
import { DateTime, Text, Uuid } from '../schema';

export const IncidentCreated = defineEvent({
  type: 'incident.created',
  version: 1,
  aggregateType: 'incident',
  description: 'A incident was created in the incident subgraph.',
  data: Type.Object(
    { incidentId: Uuid(), title: Text(), createdAt: DateTime() },
    { additionalProperties: false },
  ),
});

export const incidentEventDefinitions = [IncidentCreated] as const;

export type IncidentEvent = EventOf<(typeof incidentEventDefinitions)[number]>;
export type IncidentEventType = IncidentEvent['type'];
