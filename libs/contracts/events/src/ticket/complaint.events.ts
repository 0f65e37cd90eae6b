// Complaint handling beyond intake (docs/product.md §11): corrective actions, their overdue signal, and the
// feedback to the complainant. Ticket events like the others (the ticket's snapshot after the event).
import { Type } from '@sinclair/typebox';
import { defineEvent, snapshotEvents, type EventOf } from '../define-event';
import { DateTime, Nullable, StringEnum, Text, Uuid } from '../schema';
import { FAULT_CATEGORIES, ticketSnapshotProperties } from './ticket.events';

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

/**
 * Not a snapshot event: the data is exactly the recurrence (the incident service turns it into a risk suggestion).
 * The aggregate is the complaint whose investigation made the cause recur.
 */
export const TicketComplaintCauseRecurring = defineEvent({
  type: 'ticket.complaint_cause_recurring',
  version: 1,
  aggregateType: 'ticket',
  description:
    'The same root cause was found in at least the threshold number of complaints investigated within the window ' +
    '(P3 §六(五) 「找出投訴高發的環節和問題類型」); emitted at most once per cause and window.',
  data: Type.Object(
    {
      rootCause: Text({ description: 'As recorded by the investigation that made it recur.' }),
      category: Nullable(StringEnum(FAULT_CATEGORIES), {
        description:
          'The ticket category the complaints share, if any (complaints are not classified: usually null).',
      }),
      count: Type.Integer({ minimum: 1 }),
      windowDays: Type.Integer({ minimum: 1 }),
      ticketIds: Type.Array(Uuid(), { minItems: 1, uniqueItems: true }),
    },
    { additionalProperties: false },
  ),
});

export const complaintEventDefinitions = [
  TicketCorrectiveActionAdded,
  TicketCorrectiveActionStatusChanged,
  TicketCorrectiveActionOverdue,
  TicketComplaintFeedbackGiven,
  TicketComplaintCauseRecurring,
] as const;

export type ComplaintEvent = EventOf<(typeof complaintEventDefinitions)[number]>;
