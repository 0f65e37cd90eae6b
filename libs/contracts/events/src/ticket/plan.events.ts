// The execution plan's overdue steps (docs/product.md §11.8).
import { Type } from '@sinclair/typebox';
import { snapshotEvents, type EventOf } from '../define-event';
import { DateTime, Nullable, Text, Uuid } from '../schema';
import { ticketSnapshotProperties } from './ticket.events';

const planEvent = snapshotEvents('ticket', ticketSnapshotProperties);

export const TicketPlanStepOverdue = planEvent(
  'ticket.plan_step_overdue',
  'A step of the execution plan (000 §二(三)1) passed its due date not done; emitted once per step and due date.',
  {
    stepId: Uuid(),
    position: Type.Integer({ minimum: 1 }),
    title: Text(),
    ownerId: Nullable(Uuid()),
    dueAt: DateTime(),
  },
);

export const planEventDefinitions = [TicketPlanStepOverdue] as const;
export type PlanEvent = EventOf<(typeof planEventDefinitions)[number]>;
