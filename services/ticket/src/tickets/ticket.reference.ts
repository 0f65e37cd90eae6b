// `_entities` for Ticket: @apollo/subgraph calls __resolveReference once per representation; the per-request loader
// turns them into one query, within the caller's scope (a ticket the caller may not see resolves to null).
import { batchedReference } from '@opsgraph/graphql-kit';
import type { TicketContext } from '../context';

export const ticketReference = {
  __resolveReference: batchedReference((ctx: TicketContext) => ctx.loaders.byId),
};
