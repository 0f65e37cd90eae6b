/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AcknowledgeTicketInput = {
  /** The version the client last saw; a stale one is a CONFLICT */
  expectedVersion: number;
  /** Import facility (historical backfill, e.g. from a legacy helpdesk), ADMIN only: when this happened. The change is recorded as of then — lifecycle timestamps, SLA clock and breach flags, audit entry and event occurredAt. Not in the future (5 s tolerance) and not before the ticket’s last change; omit it for live work. */
  occurredAt?: string | null | undefined;
  ticketId: string | number;
};

export type AssignTicketInput = {
  assigneeId: string | number;
  /** Replaces the collaborating departments when given */
  collaboratingDepartmentIds?: Array<string | number> | null | undefined;
  /** Lead department; defaults to the current one */
  departmentId?: string | number | null | undefined;
  /** The version the client last saw; a stale one is a CONFLICT */
  expectedVersion: number;
  /** Import facility (historical backfill, e.g. from a legacy helpdesk), ADMIN only: when this happened. The change is recorded as of then — lifecycle timestamps, SLA clock and breach flags, audit entry and event occurredAt. Not in the future (5 s tolerance) and not before the ticket’s last change; omit it for live work. */
  occurredAt?: string | null | undefined;
  ticketId: string | number;
};

export type OpenTicketInput = {
  assetId?: string | number | null | undefined;
  /** Required for FAULT tickets, not allowed otherwise */
  category?: TicketCategory | null | undefined;
  channel: TicketChannel;
  contact?: TicketContactInput | null | undefined;
  /** Required for staff; a customer opens for itself */
  customerId?: string | number | null | undefined;
  /** Route at intake to a lead department */
  departmentId?: string | number | null | undefined;
  description: string;
  impact: TicketSeverity;
  incidentId?: string | number | null | undefined;
  kind: TicketKind;
  /** Import facility (historical backfill, e.g. from a legacy helpdesk), ADMIN only: when this happened. The change is recorded as of then — lifecycle timestamps, SLA clock and breach flags, audit entry and event occurredAt. Not in the future (5 s tolerance) and not before the ticket’s last change; omit it for live work. */
  occurredAt?: string | null | undefined;
  promisedResolutionAt?: string | null | undefined;
  subject: string;
  urgency: TicketSeverity;
};

export type ResolveTicketInput = {
  /** The version the client last saw; a stale one is a CONFLICT */
  expectedVersion: number;
  /** Import facility (historical backfill, e.g. from a legacy helpdesk), ADMIN only: when this happened. The change is recorded as of then — lifecycle timestamps, SLA clock and breach flags, audit entry and event occurredAt. Not in the future (5 s tolerance) and not before the ticket’s last change; omit it for live work. */
  occurredAt?: string | null | undefined;
  /** The resolution, fed back to the customer */
  resolutionSummary: string;
  ticketId: string | number;
};

export type StartTicketWorkInput = {
  /** The version the client last saw; a stale one is a CONFLICT */
  expectedVersion: number;
  /** Import facility (historical backfill, e.g. from a legacy helpdesk), ADMIN only: when this happened. The change is recorded as of then — lifecycle timestamps, SLA clock and breach flags, audit entry and event occurredAt. Not in the future (5 s tolerance) and not before the ticket’s last change; omit it for live work. */
  occurredAt?: string | null | undefined;
  ticketId: string | number;
};

/** Classification of a FAULT ticket */
export type TicketCategory =
  | 'DATA_ISSUE'
  | 'FUNCTION_ANOMALY'
  | 'OTHER'
  | 'SYSTEM_FAULT';

/** Where the ticket was taken in */
export type TicketChannel =
  | 'APP'
  | 'EMAIL'
  | 'HOTLINE'
  | 'ONLINE_CHAT'
  | 'PHONE'
  | 'SOCIAL_MEDIA'
  | 'WALK_IN'
  | 'WEB';

export type TicketContactInput = {
  email?: string | null | undefined;
  name?: string | null | undefined;
  phone?: string | null | undefined;
};

/** All given conditions must hold; a list matches any of its values */
export type TicketFilter = {
  assigneeId?: string | number | null | undefined;
  /** true: a deadline was breached; false: none was */
  breached?: boolean | null | undefined;
  category?: Array<TicketCategory> | null | undefined;
  channel?: Array<TicketChannel> | null | undefined;
  createdAt?: TicketTimeRange | null | undefined;
  customerId?: string | number | null | undefined;
  /** Lead department */
  departmentId?: string | number | null | undefined;
  kind?: Array<TicketKind> | null | undefined;
  priority?: Array<TicketPriority> | null | undefined;
  resolvedAt?: TicketTimeRange | null | undefined;
  status?: Array<TicketStatus> | null | undefined;
  /** Case-insensitive text in the subject (at least 3 characters) */
  subjectContains?: string | null | undefined;
};

/** What the customer came for */
export type TicketKind =
  | 'COMPLAINT'
  | 'CONSULTATION'
  | 'FAULT'
  | 'PRAISE'
  | 'SERVICE_REQUEST'
  | 'SUGGESTION';

/** P1 (highest) to P4, from urgency × impact */
export type TicketPriority =
  | 'P1'
  | 'P2'
  | 'P3'
  | 'P4';

/** Level of urgency or impact */
export type TicketSeverity =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

/** Lifecycle state of a ticket */
export type TicketStatus =
  | 'ACKNOWLEDGED'
  | 'ASSIGNED'
  | 'CLOSED'
  | 'IN_PROGRESS'
  | 'NEW'
  | 'PENDING_CUSTOMER'
  | 'REOPENED'
  | 'RESOLVED';

/** From (inclusive) to (exclusive); either end may be open */
export type TicketTimeRange = {
  from?: string | null | undefined;
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