// The ticket lists this subgraph contributes to other subgraphs' entities. For a query that reaches many parents
// (e.g. 50 customers, each with its tickets), every parent's page comes from one batched query per request.
import { Args, Ctx, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import type { TicketContext } from '../context';
import {
  criteriaOf,
  ticketPageRequest,
  toTicketConnection,
  type TicketConnectionSource,
} from '../tickets/ticket.connection';
import { TicketsArgs } from '../tickets/ticket.inputs';
import type { TicketParent } from '../tickets/ticket.query';
import { TicketConnection } from '../tickets/ticket.type';
import { AssetReference, CustomerReference, EmployeeReference, IncidentReference } from './entity-references';

// Nullable on the other subgraphs' entities: with the ticket subgraph down, only this list is null (with an error),
// not the customer, employee, asset or incident it hangs on.
const UNAVAILABLE = '; null only when the ticket subgraph cannot answer';

async function ticketsOf(
  parent: TicketParent,
  parentId: string,
  args: TicketsArgs,
  ctx: TicketContext,
): Promise<TicketConnectionSource> {
  const { first, after } = ticketPageRequest(args);
  const criteria = criteriaOf(args.filter);
  const page = await ctx.loaders.pageOf(parent, parentId, { criteria, first, after });
  return toTicketConnection(page.tickets, page.hasNextPage, () =>
    ctx.loaders.countOf(parent, parentId, criteria),
  );
}

/** The resolver that adds `field` (the parent's tickets, one batched page per request) to another subgraph's type. */
function ticketListOn<T extends { id: string }>(
  reference: ClassType<T>,
  parent: TicketParent,
  field: string,
  description: string,
) {
  @Resolver(() => reference)
  class TicketListResolver {
    @FieldResolver(() => TicketConnection, {
      name: field,
      nullable: true,
      description: description + UNAVAILABLE,
    })
    tickets(@Root() root: T, @Args() args: TicketsArgs, @Ctx() ctx: TicketContext) {
      return ticketsOf(parent, root.id, args, ctx);
    }
  }
  return TicketListResolver;
}

export const CustomerTicketsResolver = ticketListOn(
  CustomerReference,
  'customer',
  'tickets',
  'The customer’s tickets visible to the caller, newest first',
);
export const EmployeeTicketsResolver = ticketListOn(
  EmployeeReference,
  'assignee',
  'assignedTickets',
  'Tickets assigned to the employee, newest first',
);
export const AssetTicketsResolver = ticketListOn(
  AssetReference,
  'asset',
  'tickets',
  'Tickets about the asset, newest first',
);
export const IncidentTicketsResolver = ticketListOn(
  IncidentReference,
  'incident',
  'tickets',
  'Tickets belonging to the incident, newest first',
);
