/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query CustomerByCode($code: String!) {\n  customerByCode(code: $code) {\n    id\n    code\n    name\n  }\n}": typeof types.CustomerByCodeDocument,
    "fragment TicketSummary on Ticket {\n  id\n  number\n  subject\n  status\n  priority\n  kind\n  channel\n  version\n}\n\nquery AgentQueue($first: Int!, $after: String, $filter: TicketFilter) {\n  tickets(first: $first, after: $after, filter: $filter) {\n    edges {\n      cursor\n      node {\n        ...TicketSummary\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery TicketPage($id: ID!) {\n  ticket(id: $id) {\n    ...TicketSummary\n    description\n    impact\n    urgency\n    customer {\n      id\n      name\n    }\n    assignee {\n      id\n      name\n    }\n  }\n}\n\nmutation OpenTicket($input: OpenTicketInput!) {\n  openTicket(input: $input) {\n    ...TicketSummary\n  }\n}\n\nmutation AssignTicket($input: AssignTicketInput!) {\n  assignTicket(input: $input) {\n    ...TicketSummary\n    assignee {\n      id\n      name\n    }\n  }\n}\n\nmutation AcknowledgeTicket($input: AcknowledgeTicketInput!) {\n  acknowledgeTicket(input: $input) {\n    ...TicketSummary\n  }\n}\n\nmutation StartTicketWork($input: StartTicketWorkInput!) {\n  startTicketWork(input: $input) {\n    ...TicketSummary\n  }\n}\n\nmutation ResolveTicket($input: ResolveTicketInput!) {\n  resolveTicket(input: $input) {\n    ...TicketSummary\n  }\n}": typeof types.TicketSummaryFragmentDoc,
};
const documents: Documents = {
    "query CustomerByCode($code: String!) {\n  customerByCode(code: $code) {\n    id\n    code\n    name\n  }\n}": types.CustomerByCodeDocument,
    "fragment TicketSummary on Ticket {\n  id\n  number\n  subject\n  status\n  priority\n  kind\n  channel\n  version\n}\n\nquery AgentQueue($first: Int!, $after: String, $filter: TicketFilter) {\n  tickets(first: $first, after: $after, filter: $filter) {\n    edges {\n      cursor\n      node {\n        ...TicketSummary\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery TicketPage($id: ID!) {\n  ticket(id: $id) {\n    ...TicketSummary\n    description\n    impact\n    urgency\n    customer {\n      id\n      name\n    }\n    assignee {\n      id\n      name\n    }\n  }\n}\n\nmutation OpenTicket($input: OpenTicketInput!) {\n  openTicket(input: $input) {\n    ...TicketSummary\n  }\n}\n\nmutation AssignTicket($input: AssignTicketInput!) {\n  assignTicket(input: $input) {\n    ...TicketSummary\n    assignee {\n      id\n      name\n    }\n  }\n}\n\nmutation AcknowledgeTicket($input: AcknowledgeTicketInput!) {\n  acknowledgeTicket(input: $input) {\n    ...TicketSummary\n  }\n}\n\nmutation StartTicketWork($input: StartTicketWorkInput!) {\n  startTicketWork(input: $input) {\n    ...TicketSummary\n  }\n}\n\nmutation ResolveTicket($input: ResolveTicketInput!) {\n  resolveTicket(input: $input) {\n    ...TicketSummary\n  }\n}": types.TicketSummaryFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CustomerByCode($code: String!) {\n  customerByCode(code: $code) {\n    id\n    code\n    name\n  }\n}"): (typeof documents)["query CustomerByCode($code: String!) {\n  customerByCode(code: $code) {\n    id\n    code\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment TicketSummary on Ticket {\n  id\n  number\n  subject\n  status\n  priority\n  kind\n  channel\n  version\n}\n\nquery AgentQueue($first: Int!, $after: String, $filter: TicketFilter) {\n  tickets(first: $first, after: $after, filter: $filter) {\n    edges {\n      cursor\n      node {\n        ...TicketSummary\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery TicketPage($id: ID!) {\n  ticket(id: $id) {\n    ...TicketSummary\n    description\n    impact\n    urgency\n    customer {\n      id\n      name\n    }\n    assignee {\n      id\n      name\n    }\n  }\n}\n\nmutation OpenTicket($input: OpenTicketInput!) {\n  openTicket(input: $input) {\n    ...TicketSummary\n  }\n}\n\nmutation AssignTicket($input: AssignTicketInput!) {\n  assignTicket(input: $input) {\n    ...TicketSummary\n    assignee {\n      id\n      name\n    }\n  }\n}\n\nmutation AcknowledgeTicket($input: AcknowledgeTicketInput!) {\n  acknowledgeTicket(input: $input) {\n    ...TicketSummary\n  }\n}\n\nmutation StartTicketWork($input: StartTicketWorkInput!) {\n  startTicketWork(input: $input) {\n    ...TicketSummary\n  }\n}\n\nmutation ResolveTicket($input: ResolveTicketInput!) {\n  resolveTicket(input: $input) {\n    ...TicketSummary\n  }\n}"): (typeof documents)["fragment TicketSummary on Ticket {\n  id\n  number\n  subject\n  status\n  priority\n  kind\n  channel\n  version\n}\n\nquery AgentQueue($first: Int!, $after: String, $filter: TicketFilter) {\n  tickets(first: $first, after: $after, filter: $filter) {\n    edges {\n      cursor\n      node {\n        ...TicketSummary\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery TicketPage($id: ID!) {\n  ticket(id: $id) {\n    ...TicketSummary\n    description\n    impact\n    urgency\n    customer {\n      id\n      name\n    }\n    assignee {\n      id\n      name\n    }\n  }\n}\n\nmutation OpenTicket($input: OpenTicketInput!) {\n  openTicket(input: $input) {\n    ...TicketSummary\n  }\n}\n\nmutation AssignTicket($input: AssignTicketInput!) {\n  assignTicket(input: $input) {\n    ...TicketSummary\n    assignee {\n      id\n      name\n    }\n  }\n}\n\nmutation AcknowledgeTicket($input: AcknowledgeTicketInput!) {\n  acknowledgeTicket(input: $input) {\n    ...TicketSummary\n  }\n}\n\nmutation StartTicketWork($input: StartTicketWorkInput!) {\n  startTicketWork(input: $input) {\n    ...TicketSummary\n  }\n}\n\nmutation ResolveTicket($input: ResolveTicketInput!) {\n  resolveTicket(input: $input) {\n    ...TicketSummary\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;