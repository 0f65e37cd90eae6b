// What every resolver of this subgraph receives: the kit's context (caller, correlation id, logger), the use-cases
// of this service instance, and the per-request DataLoaders.
import type { SubgraphContext } from '@opsgraph/graphql-kit';
import type { SlaPolicyService } from './sla/sla-policy.service';
import type { TicketLoaders } from './tickets/ticket.loaders';
import type { TicketRecordsService } from './tickets/ticket-records.service';
import type { TicketService } from './tickets/ticket.service';

export interface TicketServices {
  readonly tickets: TicketService;
  readonly records: TicketRecordsService;
  readonly slaPolicies: SlaPolicyService;
}

export type TicketContext = SubgraphContext<{ services: TicketServices; loaders: TicketLoaders }>;

/** The request metadata a use-case needs from the context. */
export function metaOf(ctx: TicketContext) {
  return { caller: ctx.caller, correlationId: ctx.correlationId };
}
