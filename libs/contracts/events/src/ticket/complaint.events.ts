// Complaint handling beyond intake (docs/product.md §11): corrective actions, their overdue signal, and the
// feedback to the complainant. Ticket events like the others (the ticket's snapshot after the event).
import { snapshotEvents, type EventOf } from '../define-event';
import { DateTime, Nullable, StringEnum, Text, Uuid } from '../schema';
import { ticketSnapshotProperties } from './ticket.events';

export const CORRECTIVE_ACTION_STATUSES = ['OPEN', 'DONE', 'VERIFIED', 'REJECTED'] as const;
export type CorrectiveActionStatus = (typeof CORRECTIVE_ACTION_STATUSES)[number];

const complaintEvent = snapshotEvents('ticket', ticketSnapshotProperties);
const ActionStatus = StringEnum(CORRECTIVE_ACTION_STATUSES);

export const TicketCorrectiveActionAdded = complaintEvent(
  'ticket.corrective_action_added',
  'A corrective action was planned for a COMPLAINT: what, who owns it, by when.',
  { actionId: Uuid(), description: Text(), ownerId: Uuid(), dueAt: DateTime() },
);

export const TicketCorrectiveActionStatusChanged = complaintEvent(
  'ticket.corrective_action_status_changed',
  'A corrective action moved OPEN → DONE (with evidence) → VERIFIED or REJECTED (by someone other than its owner); ' +
    'a REJECTED action is done again.',
  {
    actionId: Uuid(),
    ownerId: Uuid(),
    from: ActionStatus,
    to: ActionStatus,
    note: Nullable(Text({ description: 'The evidence (DONE) or the verifier’s note (VERIFIED, REJECTED).' })),
  },
);

export const TicketCorrectiveActionOverdue = complaintEvent(
  'ticket.corrective_action_overdue',
  'A corrective action passed its due date unfinished (OPEN or REJECTED); emitted once per due date.',
  { actionId: Uuid(), ownerId: Uuid(), dueAt: DateTime(), actionStatus: ActionStatus },
);

export const TicketComplaintFeedbackGiven = complaintEvent(
  'ticket.complaint_feedback_given',
  'The complainant was told the outcome of the handling (operator-written; no personal data).',
  { feedback: Text() },
);

export const complaintEventDefinitions = [
  TicketCorrectiveActionAdded,
  TicketCorrectiveActionStatusChanged,
  TicketCorrectiveActionOverdue,
  TicketComplaintFeedbackGiven,
] as const;

export type ComplaintEvent = EventOf<(typeof complaintEventDefinitions)[number]>;
