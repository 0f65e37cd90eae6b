// GraphQL enums of the ticket subgraph, built from the same value lists as the domain and the event contracts.
// Names carry the Ticket prefix where another subgraph could plausibly define the same word differently.
import { FAULT_CATEGORIES, TICKET_CHANNELS, TICKET_KINDS } from '@opsgraph/contracts-events';
import { graphqlEnum } from '@opsgraph/graphql-kit';
import { CLOSE_REASONS, TICKET_COMMAND_TYPES, TICKET_STATUSES } from './ticket.lifecycle';
import { PRIORITIES, SEVERITY_LEVELS } from './ticket.priority';
import { PROGRESS_VISIBILITIES, SUGGESTION_DECISIONS } from './ticket.records';

type EnumObject<T extends readonly string[]> = { readonly [K in T[number]]: K };

function enumOf<const T extends readonly string[]>(
  values: T,
  name: string,
  description: string,
): EnumObject<T> {
  return graphqlEnum(
    Object.fromEntries(values.map((value) => [value, value])) as EnumObject<T>,
    name,
    description,
  );
}

export const TicketKindEnum = enumOf(TICKET_KINDS, 'TicketKind', 'What the customer came for');
export const TicketCategoryEnum = enumOf(
  FAULT_CATEGORIES,
  'TicketCategory',
  'Classification of a FAULT ticket',
);
export const TicketChannelEnum = enumOf(TICKET_CHANNELS, 'TicketChannel', 'Where the ticket was taken in');
export const TicketSeverityEnum = enumOf(SEVERITY_LEVELS, 'TicketSeverity', 'Level of urgency or impact');
export const TicketPriorityEnum = enumOf(
  PRIORITIES,
  'TicketPriority',
  'P1 (highest) to P4, from urgency × impact',
);
export const TicketStatusEnum = enumOf(TICKET_STATUSES, 'TicketStatus', 'Lifecycle state of a ticket');
export const TicketCommandEnum = enumOf(
  TICKET_COMMAND_TYPES,
  'TicketCommand',
  'Lifecycle commands; Ticket.availableCommands lists those the caller may send now',
);
export const TicketCloseReasonEnum = enumOf(CLOSE_REASONS, 'TicketCloseReason', 'Why a ticket was closed');
export const TicketProgressVisibilityEnum = enumOf(
  PROGRESS_VISIBILITIES,
  'TicketProgressVisibility',
  'PUBLIC updates are shown to the customer; INTERNAL notes never are',
);
export const SuggestionDecisionEnum = enumOf(
  SUGGESTION_DECISIONS,
  'SuggestionDecision',
  'Outcome of a suggestion review',
);
export const TicketHistoryActionEnum = enumOf(
  [
    'OPEN',
    ...TICKET_COMMAND_TYPES,
    'ADD_PROGRESS',
    'PLAN_STEPS',
    'COMPLETE_STEP',
    'SUBMIT_SURVEY',
    'RECORD_COMPLAINT_INVESTIGATION',
    'RECORD_COMPLAINT_FOLLOW_UP',
    'REVIEW_SUGGESTION',
    'SLA_BREACHED',
    'AUTO_CLOSE',
  ] as const,
  'TicketHistoryAction',
  'What a change in the audit trail did',
);
