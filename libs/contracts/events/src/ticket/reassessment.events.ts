// Reassessment after intake (docs/product.md §11.5): classification, urgency and impact changed by the handler, with
// the priority and SLA deadlines recomputed (the snapshot carries the new ones).
import { Type } from '@sinclair/typebox';
import { snapshotEvents, type EventOf } from '../define-event';
import { Nullable, StringEnum, Text } from '../schema';
import { FAULT_CATEGORIES, TICKET_PRIORITIES, ticketSnapshotProperties } from './ticket.events';

const SEVERITIES = ['HIGH', 'MEDIUM', 'LOW'] as const;
const Assessment = Type.Object(
  {
    category: Nullable(StringEnum(FAULT_CATEGORIES)),
    urgency: StringEnum(SEVERITIES),
    impact: StringEnum(SEVERITIES),
    priority: StringEnum(TICKET_PRIORITIES),
  },
  { additionalProperties: false },
);

const reassessmentEvent = snapshotEvents('ticket', ticketSnapshotProperties);

export const TicketReassessed = reassessmentEvent(
  'ticket.reassessed',
  'Category, urgency or impact were changed after intake; priority and SLA deadlines recomputed from the start of ' +
    'the clock (003 §二(二)).',
  { previous: Assessment, current: Assessment, reason: Text() },
);

export const reassessmentEventDefinitions = [TicketReassessed] as const;
export type ReassessmentEvent = EventOf<(typeof reassessmentEventDefinitions)[number]>;
