/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** First response to a NEW ticket: moves it to ACKNOWLEDGED and stops the response clock (AGENT, TECHNICIAN, managers). Answers INVALID_TRANSITION with currentState from any other status, CONFLICT for a stale expectedVersion */
export type AcknowledgeTicketInput = {
  /** The version the client last saw; a stale one is a CONFLICT */
  expectedVersion: number;
  /** Import facility (historical backfill, e.g. from a legacy helpdesk), ADMIN only: when this happened. The change is recorded as of then — lifecycle timestamps, SLA clock and breach flags, audit entry and event occurredAt. Not in the future (5 s tolerance) and not before the ticket’s last change; omit it for live work. */
  occurredAt?: string | null | undefined;
  /** The ticket */
  ticketId: string | number;
};

/** Assigns a NEW, ACKNOWLEDGED or REOPENED ticket to an employee and lead department (assigning a NEW one is also its first response), or re-assigns one being handled, which keeps its status (AGENT, TECHNICIAN, managers within their scope). Answers BAD_USER_INPUT with field for an unknown or not ACTIVE assignee, INVALID_TRANSITION, CONFLICT */
export type AssignTicketInput = {
  /** The employee who handles the ticket; must be ACTIVE */
  assigneeId: string | number;
  /** Replaces the collaborating departments when given */
  collaboratingDepartmentIds?: Array<string | number> | null | undefined;
  /** Lead department; defaults to the current one */
  departmentId?: string | number | null | undefined;
  /** The version the client last saw; a stale one is a CONFLICT */
  expectedVersion: number;
  /** Import facility (historical backfill, e.g. from a legacy helpdesk), ADMIN only: when this happened. The change is recorded as of then — lifecycle timestamps, SLA clock and breach flags, audit entry and event occurredAt. Not in the future (5 s tolerance) and not before the ticket’s last change; omit it for live work. */
  occurredAt?: string | null | undefined;
  /** The ticket */
  ticketId: string | number;
};

/** Opens a ticket (staff, or a customer for itself): status NEW, priority from urgency × impact, SLA deadlines from the priority’s policy and the chosen calendar; routed when no department is given. Answers BAD_USER_INPUT with field for an unknown customer, asset or department */
export type OpenTicketInput = {
  /** The asset the ticket concerns (e.g. a FAULT); null for none */
  assetId?: string | number | null | undefined;
  /** Required for FAULT tickets, not allowed otherwise */
  category?: TicketCategory | null | undefined;
  /** Where the ticket was taken in */
  channel: TicketChannel;
  /** Contact snapshot for this ticket (personal data); null for none */
  contact?: TicketContactInput | null | undefined;
  /** Required for staff; a customer opens for itself */
  customerId?: string | number | null | undefined;
  /** Route at intake to a lead department */
  departmentId?: string | number | null | undefined;
  /** What the customer reported, 1–10000 characters */
  description: string;
  /** How many or how much is affected: LOW, MEDIUM, HIGH */
  impact: TicketSeverity;
  /** The incident the ticket belongs to; null for none */
  incidentId?: string | number | null | undefined;
  /** What the customer came for */
  kind: TicketKind;
  /** Import facility (historical backfill, e.g. from a legacy helpdesk), ADMIN only: when this happened. The change is recorded as of then — lifecycle timestamps, SLA clock and breach flags, audit entry and event occurredAt. Not in the future (5 s tolerance) and not before the ticket’s last change; omit it for live work. */
  occurredAt?: string | null | undefined;
  /** The resolution time promised to the customer (DateTime, UTC); null when none was promised */
  promisedResolutionAt?: string | null | undefined;
  /** Short subject, 1–200 characters */
  subject: string;
  /** How soon it must be handled: LOW, MEDIUM, HIGH */
  urgency: TicketSeverity;
};

/** Resolves a ticket with a summary fed back to the customer. A COMPLAINT not ready, or a parent with open children, answers INVALID_TRANSITION */
export type ResolveTicketInput = {
  /** The version the client last saw; a stale one is a CONFLICT */
  expectedVersion: number;
  /** Import facility (historical backfill, e.g. from a legacy helpdesk), ADMIN only: when this happened. The change is recorded as of then — lifecycle timestamps, SLA clock and breach flags, audit entry and event occurredAt. Not in the future (5 s tolerance) and not before the ticket’s last change; omit it for live work. */
  occurredAt?: string | null | undefined;
  /** The resolution, fed back to the customer */
  resolutionSummary: string;
  /** The ticket */
  ticketId: string | number;
};

/** Starts work on an ASSIGNED or REOPENED ticket: IN_PROGRESS */
export type StartTicketWorkInput = {
  /** The version the client last saw; a stale one is a CONFLICT */
  expectedVersion: number;
  /** Import facility (historical backfill, e.g. from a legacy helpdesk), ADMIN only: when this happened. The change is recorded as of then — lifecycle timestamps, SLA clock and breach flags, audit entry and event occurredAt. Not in the future (5 s tolerance) and not before the ticket’s last change; omit it for live work. */
  occurredAt?: string | null | undefined;
  /** The ticket */
  ticketId: string | number;
};

/** Classification of a FAULT ticket */
export type TicketCategory =
  /** Data is wrong or missing */
  | 'DATA_ISSUE'
  /** A function behaves wrongly */
  | 'FUNCTION_ANOMALY'
  /** Any other fault (also the fan-out’s tickets for key accounts) */
  | 'OTHER'
  /** A system is down or failing */
  | 'SYSTEM_FAULT';

/** Where the ticket was taken in */
export type TicketChannel =
  /** The mobile app */
  | 'APP'
  /** An e-mail to the service desk */
  | 'EMAIL'
  /** The service hotline (also used for tickets the incident fan-out opens) */
  | 'HOTLINE'
  /** The online chat with an agent */
  | 'ONLINE_CHAT'
  /** A phone call to the service desk */
  | 'PHONE'
  /** A message on a social-media account of the company */
  | 'SOCIAL_MEDIA'
  /** In person at a service counter */
  | 'WALK_IN'
  /** The web form or customer portal */
  | 'WEB';

/** The contact for this ticket (personal data) */
export type TicketContactInput = {
  /** E-mail address */
  email?: string | null | undefined;
  /** Name, up to 200 characters */
  name?: string | null | undefined;
  /** Phone number, e.g. +86 138 1234 5678 */
  phone?: string | null | undefined;
};

/** All given conditions must hold; a list matches any of its values */
export type TicketFilter = {
  /** Only tickets assigned to this employee */
  assigneeId?: string | number | null | undefined;
  /** true: a deadline was breached; false: none was */
  breached?: boolean | null | undefined;
  /** Only FAULT tickets of any of these categories */
  category?: Array<TicketCategory> | null | undefined;
  /** Only tickets taken in through any of these channels */
  channel?: Array<TicketChannel> | null | undefined;
  /** Only tickets opened in this range */
  createdAt?: TicketTimeRange | null | undefined;
  /** Only tickets of this customer */
  customerId?: string | number | null | undefined;
  /** Lead department */
  departmentId?: string | number | null | undefined;
  /** Only tickets of any of these kinds */
  kind?: Array<TicketKind> | null | undefined;
  /** Only tickets of any of these priorities */
  priority?: Array<TicketPriority> | null | undefined;
  /** Only tickets resolved in this range */
  resolvedAt?: TicketTimeRange | null | undefined;
  /** Only tickets in any of these statuses */
  status?: Array<TicketStatus> | null | undefined;
  /** Case-insensitive text in the subject (at least 3 characters) */
  subjectContains?: string | null | undefined;
};

/** What the customer came for */
export type TicketKind =
  /** A complaint; closes only when investigated, fixed and followed up */
  | 'COMPLAINT'
  /** A question */
  | 'CONSULTATION'
  /** Something is broken; takes a category */
  | 'FAULT'
  /** A customer’s praise (表揚), credited to employees */
  | 'PRAISE'
  /** A request for a service */
  | 'SERVICE_REQUEST'
  /** A suggestion; reviewed and accepted or rejected */
  | 'SUGGESTION';

/** P1 (highest) to P4, from urgency × impact */
export type TicketPriority =
  /** Highest: urgent and high impact */
  | 'P1'
  /** High */
  | 'P2'
  /** Normal */
  | 'P3'
  /** Lowest */
  | 'P4';

/** Level of urgency or impact */
export type TicketSeverity =
  /** High */
  | 'HIGH'
  /** Low */
  | 'LOW'
  /** Medium */
  | 'MEDIUM';

/** Lifecycle state of a ticket */
export type TicketStatus =
  /** First response given */
  | 'ACKNOWLEDGED'
  /** Given to an assignee and lead department */
  | 'ASSIGNED'
  /** Closed */
  | 'CLOSED'
  /** Being worked on */
  | 'IN_PROGRESS'
  /** Opened, no first response yet */
  | 'NEW'
  /** Waiting for the customer; the resolution clock is paused */
  | 'PENDING_CUSTOMER'
  /** Reopened after resolution or closing */
  | 'REOPENED'
  /** Resolved, awaiting the customer’s confirmation or the quiet period */
  | 'RESOLVED';

/** From (inclusive) to (exclusive); either end may be open */
export type TicketTimeRange = {
  /** Inclusive start (DateTime, UTC); null for open-ended */
  from?: string | null | undefined;
  /** Exclusive end (DateTime, UTC); null for open-ended */
  to?: string | null | undefined;
};

export type CustomerByCodeQueryVariables = Exact<{
  code: string;
}>;


export type CustomerByCodeQuery = { customerByCode: { id: string, code: string, name: string } | null };

export type TicketSummaryFragment = { id: string, number: string, subject: string, status: TicketStatus, priority: TicketPriority, kind: TicketKind, channel: TicketChannel, version: number };

export type AgentQueueQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: TicketFilter | null | undefined;
}>;


export type AgentQueueQuery = { tickets: { edges: Array<{ cursor: string, node: { id: string, number: string, subject: string, status: TicketStatus, priority: TicketPriority, kind: TicketKind, channel: TicketChannel, version: number } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type TicketPageQueryVariables = Exact<{
  id: string | number;
}>;


export type TicketPageQuery = { ticket: { description: string, impact: TicketSeverity, urgency: TicketSeverity, id: string, number: string, subject: string, status: TicketStatus, priority: TicketPriority, kind: TicketKind, channel: TicketChannel, version: number, customer: { id: string, name: string } | null, assignee: { id: string, name: string } | null } | null };

export type OpenTicketMutationVariables = Exact<{
  input: OpenTicketInput;
}>;


export type OpenTicketMutation = { openTicket: { id: string, number: string, subject: string, status: TicketStatus, priority: TicketPriority, kind: TicketKind, channel: TicketChannel, version: number } };

export type AssignTicketMutationVariables = Exact<{
  input: AssignTicketInput;
}>;


export type AssignTicketMutation = { assignTicket: { id: string, number: string, subject: string, status: TicketStatus, priority: TicketPriority, kind: TicketKind, channel: TicketChannel, version: number, assignee: { id: string, name: string } | null } };

export type AcknowledgeTicketMutationVariables = Exact<{
  input: AcknowledgeTicketInput;
}>;


export type AcknowledgeTicketMutation = { acknowledgeTicket: { id: string, number: string, subject: string, status: TicketStatus, priority: TicketPriority, kind: TicketKind, channel: TicketChannel, version: number } };

export type StartTicketWorkMutationVariables = Exact<{
  input: StartTicketWorkInput;
}>;


export type StartTicketWorkMutation = { startTicketWork: { id: string, number: string, subject: string, status: TicketStatus, priority: TicketPriority, kind: TicketKind, channel: TicketChannel, version: number } };

export type ResolveTicketMutationVariables = Exact<{
  input: ResolveTicketInput;
}>;


export type ResolveTicketMutation = { resolveTicket: { id: string, number: string, subject: string, status: TicketStatus, priority: TicketPriority, kind: TicketKind, channel: TicketChannel, version: number } };

export const TicketSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TicketSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<TicketSummaryFragment, unknown>;
export const CustomerByCodeDocument = {"__meta__":{"hash":"sha256:04af4c70805c8c65956e1ed70e6853a2cdc0837b1259309a06cdef95e0e96e32"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerByCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerByCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CustomerByCodeQuery, CustomerByCodeQueryVariables>;
export const AgentQueueDocument = {"__meta__":{"hash":"sha256:d667d2ecd9050936c3bb364185d7f590fd00ffae9159302b2813dfdfa2b2dee7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgentQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TicketFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tickets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TicketSummary"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TicketSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<AgentQueueQuery, AgentQueueQueryVariables>;
export const TicketPageDocument = {"__meta__":{"hash":"sha256:e2605c2d4a8a2dcd5f24516f046fd813fd54704317812cfe7fc0ca56918af1cc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TicketPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TicketSummary"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"impact"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TicketSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<TicketPageQuery, TicketPageQueryVariables>;
export const OpenTicketDocument = {"__meta__":{"hash":"sha256:aa5afe31da30cfb29c14b5a636ce95fe7dd5439ea211df28535f04d6cceab4ba"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpenTicket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OpenTicketInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openTicket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TicketSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TicketSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<OpenTicketMutation, OpenTicketMutationVariables>;
export const AssignTicketDocument = {"__meta__":{"hash":"sha256:7ed123e0537cb0d9319d59d4cba03d6ea558f8793f88428eb14910d03612a4d6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AssignTicket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AssignTicketInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignTicket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TicketSummary"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TicketSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<AssignTicketMutation, AssignTicketMutationVariables>;
export const AcknowledgeTicketDocument = {"__meta__":{"hash":"sha256:a338b829ee0d04a907833e965d17d42fc7f505ce4fa1a4e65f029b7541a0a1f0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcknowledgeTicket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcknowledgeTicketInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acknowledgeTicket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TicketSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TicketSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<AcknowledgeTicketMutation, AcknowledgeTicketMutationVariables>;
export const StartTicketWorkDocument = {"__meta__":{"hash":"sha256:23bf4632d85e64993804c439bf5339c372d75959fb775fe430917743099062ff"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartTicketWork"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartTicketWorkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startTicketWork"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TicketSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TicketSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<StartTicketWorkMutation, StartTicketWorkMutationVariables>;
export const ResolveTicketDocument = {"__meta__":{"hash":"sha256:2de581c0aa350f30ee27a9be870d7dd41c7793b94d24e0837e1941098ea00e32"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResolveTicket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResolveTicketInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolveTicket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TicketSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TicketSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<ResolveTicketMutation, ResolveTicketMutationVariables>;