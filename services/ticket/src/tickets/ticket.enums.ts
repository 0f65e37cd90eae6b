// GraphQL enums of the ticket subgraph, built from the same value lists as the domain and the event contracts.
// Names carry the Ticket prefix where another subgraph could plausibly define the same word differently.
import {
  FAULT_CATEGORIES,
  TICKET_CHANNEL_DESCRIPTIONS,
  TICKET_CHANNELS,
  TICKET_KINDS,
} from '@opsgraph/contracts-events';
import { graphqlEnumOf } from '@opsgraph/graphql-kit';
import { CLOSE_REASONS, TICKET_COMMAND_TYPES, TICKET_STATUSES } from './ticket.lifecycle';
import { PRIORITIES, SEVERITY_LEVELS } from './ticket.priority';
import { HISTORY_ACTIONS, PROGRESS_VISIBILITIES, SUGGESTION_DECISIONS } from './ticket.records';

export const TicketKindEnum = graphqlEnumOf(TICKET_KINDS, 'TicketKind', 'What the customer came for', {
  SERVICE_REQUEST: 'A request for a service',
  FAULT: 'Something is broken; takes a category',
  CONSULTATION: 'A question',
  COMPLAINT: 'A complaint; closes only when investigated, fixed and followed up',
  SUGGESTION: 'A suggestion; reviewed and accepted or rejected',
  PRAISE: 'A customer’s praise (表揚), credited to employees',
});
export const TicketCategoryEnum = graphqlEnumOf(
  FAULT_CATEGORIES,
  'TicketCategory',
  'Classification of a FAULT ticket',
  {
    SYSTEM_FAULT: 'A system is down or failing',
    FUNCTION_ANOMALY: 'A function behaves wrongly',
    DATA_ISSUE: 'Data is wrong or missing',
    OTHER: 'Any other fault (also the fan-out’s tickets for key accounts)',
  },
);
export const TicketChannelEnum = graphqlEnumOf(
  TICKET_CHANNELS,
  'TicketChannel',
  'Where the ticket was taken in',
  TICKET_CHANNEL_DESCRIPTIONS,
);
export const TicketSeverityEnum = graphqlEnumOf(
  SEVERITY_LEVELS,
  'TicketSeverity',
  'Level of urgency or impact',
  { LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High' },
);
export const TicketPriorityEnum = graphqlEnumOf(
  PRIORITIES,
  'TicketPriority',
  'P1 (highest) to P4, from urgency × impact',
  { P1: 'Highest: urgent and high impact', P2: 'High', P3: 'Normal', P4: 'Lowest' },
);
export const TicketStatusEnum = graphqlEnumOf(
  TICKET_STATUSES,
  'TicketStatus',
  'Lifecycle state of a ticket',
  {
    NEW: 'Opened, no first response yet',
    ACKNOWLEDGED: 'First response given',
    ASSIGNED: 'Given to an assignee and lead department',
    IN_PROGRESS: 'Being worked on',
    PENDING_CUSTOMER: 'Waiting for the customer; the resolution clock is paused',
    RESOLVED: 'Resolved, awaiting the customer’s confirmation or the quiet period',
    CLOSED: 'Closed',
    REOPENED: 'Reopened after resolution or closing',
  },
);
export const TicketCommandEnum = graphqlEnumOf(
  TICKET_COMMAND_TYPES,
  'TicketCommand',
  'Lifecycle commands; Ticket.availableCommands lists those the caller may send now',
  {
    ACKNOWLEDGE: 'acknowledgeTicket',
    ASSIGN: 'assignTicket',
    START_WORK: 'startTicketWork',
    AWAIT_CUSTOMER: 'awaitCustomer',
    CUSTOMER_RESPONDED: 'recordCustomerResponse',
    RESOLVE: 'resolveTicket',
    CLOSE: 'closeTicket',
    REOPEN: 'reopenTicket',
    TRANSFER: 'transferTicket',
    ESCALATE: 'escalateTicket',
  },
);
export const TicketCloseReasonEnum = graphqlEnumOf(
  CLOSE_REASONS,
  'TicketCloseReason',
  'Why a ticket was closed',
  {
    CUSTOMER_CONFIRMED: 'The customer confirmed the resolution',
    AGENT: 'Closed by staff',
    AUTO_CLOSED: 'Closed by the system after a quiet period',
    MERGED: 'Merged into another ticket as its duplicate (see mergedInto)',
  },
);
export const TicketProgressVisibilityEnum = graphqlEnumOf(
  PROGRESS_VISIBILITIES,
  'TicketProgressVisibility',
  'PUBLIC updates are shown to the customer; INTERNAL notes never are',
  { PUBLIC: 'Shown to the customer', INTERNAL: 'Staff only' },
);
export const SuggestionDecisionEnum = graphqlEnumOf(
  SUGGESTION_DECISIONS,
  'SuggestionDecision',
  'Outcome of a suggestion review',
  { ACCEPTED: 'The suggestion is taken up', REJECTED: 'The suggestion is declined, with a reason' },
);
export const TicketHistoryActionEnum = graphqlEnumOf(
  HISTORY_ACTIONS,
  'TicketHistoryAction',
  'What a change in the audit trail did',
  {
    OPEN: 'The ticket was opened',
    ACKNOWLEDGE: 'First response given',
    ASSIGN: 'Assigned to an employee and lead department',
    START_WORK: 'Work started',
    AWAIT_CUSTOMER: 'Put to waiting for the customer (clock paused)',
    CUSTOMER_RESPONDED: 'The customer responded (clock resumed)',
    RESOLVE: 'Resolved with a summary',
    CLOSE: 'Closed by the customer or staff',
    REOPEN: 'Reopened',
    TRANSFER: 'Transferred to another department',
    ESCALATE: 'Escalated',
    ADD_PROGRESS: 'A progress update or internal note was added',
    PLAN_STEPS: 'The execution plan was set',
    COMPLETE_STEP: 'A plan step was done',
    SUBMIT_SURVEY: 'The satisfaction survey was submitted',
    RECORD_COMPLAINT_INVESTIGATION: 'The complaint investigation was recorded',
    RECORD_COMPLAINT_FOLLOW_UP: 'The complaint follow-up visit was recorded',
    REVIEW_SUGGESTION: 'The suggestion was accepted or rejected',
    REASSESS: 'Category, urgency or impact were corrected',
    CREDIT_PRAISE: 'The praise was credited to employees',
    LINK: 'Linked to another ticket',
    MERGE: 'Merged: duplicates into this survivor, or this duplicate into its survivor',
    LOG_TIME: 'Time was logged on the ticket',
    UPDATE_TIME_ENTRY: 'A time entry was corrected',
    DELETE_TIME_ENTRY: 'A time entry was withdrawn, with a reason',
    LINK_SOLUTION: 'A knowledge article was linked as the solution',
    UNLINK: 'A link to another ticket was removed',
    ADD_CORRECTIVE_ACTION: 'A corrective action was planned',
    COMPLETE_CORRECTIVE_ACTION: 'A corrective action was reported done',
    VERIFY_CORRECTIVE_ACTION: 'A corrective action was verified or rejected',
    GIVE_COMPLAINT_FEEDBACK: 'The complainant was told the outcome',
    SLA_BREACHED: 'An SLA deadline passed (recorded once per deadline)',
    AUTO_CLOSE: 'Closed by the system after the quiet period',
    CORRECTIVE_ACTION_OVERDUE: 'A corrective action passed its due date undone',
    PLAN_STEP_OVERDUE: 'A plan step passed its due time undone',
    INCIDENT_HOLD: 'An incident paused the resolution clock (reason INCIDENT)',
    INCIDENT_RELEASE: 'The incident resolved and released the clock',
  },
);
