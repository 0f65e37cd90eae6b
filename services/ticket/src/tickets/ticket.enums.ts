// GraphQL enums of the ticket subgraph, built from the same value lists as the domain and the event contracts.
// Names carry the Ticket prefix where another subgraph could plausibly define the same word differently.
import { FAULT_CATEGORIES, TICKET_CHANNELS, TICKET_KINDS } from '@opsgraph/contracts-events';
import { graphqlEnumOf } from '@opsgraph/graphql-kit';
import { CLOSE_REASONS, TICKET_COMMAND_TYPES, TICKET_STATUSES } from './ticket.lifecycle';
import { PRIORITIES, SEVERITY_LEVELS } from './ticket.priority';
import { HISTORY_ACTIONS, PROGRESS_VISIBILITIES, SUGGESTION_DECISIONS } from './ticket.records';

export const TicketKindEnum = graphqlEnumOf(TICKET_KINDS, 'TicketKind', 'What the customer came for');
export const TicketCategoryEnum = graphqlEnumOf(
  FAULT_CATEGORIES,
  'TicketCategory',
  'Classification of a FAULT ticket',
);
export const TicketChannelEnum = graphqlEnumOf(
  TICKET_CHANNELS,
  'TicketChannel',
  'Where the ticket was taken in',
);
export const TicketSeverityEnum = graphqlEnumOf(
  SEVERITY_LEVELS,
  'TicketSeverity',
  'Level of urgency or impact',
);
export const TicketPriorityEnum = graphqlEnumOf(
  PRIORITIES,
  'TicketPriority',
  'P1 (highest) to P4, from urgency × impact',
);
export const TicketStatusEnum = graphqlEnumOf(TICKET_STATUSES, 'TicketStatus', 'Lifecycle state of a ticket');
export const TicketCommandEnum = graphqlEnumOf(
  TICKET_COMMAND_TYPES,
  'TicketCommand',
  'Lifecycle commands; Ticket.availableCommands lists those the caller may send now',
);
export const TicketCloseReasonEnum = graphqlEnumOf(
  CLOSE_REASONS,
  'TicketCloseReason',
  'Why a ticket was closed',
  { MERGED: 'Merged into another ticket as its duplicate (see mergedInto)' },
);
export const TicketProgressVisibilityEnum = graphqlEnumOf(
  PROGRESS_VISIBILITIES,
  'TicketProgressVisibility',
  'PUBLIC updates are shown to the customer; INTERNAL notes never are',
);
export const SuggestionDecisionEnum = graphqlEnumOf(
  SUGGESTION_DECISIONS,
  'SuggestionDecision',
  'Outcome of a suggestion review',
);
export const TicketHistoryActionEnum = graphqlEnumOf(
  HISTORY_ACTIONS,
  'TicketHistoryAction',
  'What a change in the audit trail did',
);
