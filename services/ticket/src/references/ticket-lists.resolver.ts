// The ticket lists this subgraph contributes to other subgraphs' entities. For a query that reaches many parents
// (e.g. 50 customers, each with its tickets), every parent's page comes from one batched query per request.
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
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

@Resolver(() => CustomerReference)
export class CustomerTicketsResolver {
  @FieldResolver(() => TicketConnection, {
    nullable: true,
    description: `The customer’s tickets visible to the caller, newest first${UNAVAILABLE}`,
  })
  tickets(@Root() customer: CustomerReference, @Args() args: TicketsArgs, @Ctx() ctx: TicketContext) {
    return ticketsOf('customer', customer.id, args, ctx);
  }
}

@Resolver(() => EmployeeReference)
export class EmployeeTicketsResolver {
  @FieldResolver(() => TicketConnection, {
    nullable: true,
    description: `Tickets assigned to the employee, newest first${UNAVAILABLE}`,
  })
  assignedTickets(@Root() employee: EmployeeReference, @Args() args: TicketsArgs, @Ctx() ctx: TicketContext) {
    return ticketsOf('assignee', employee.id, args, ctx);
  }
}

@Resolver(() => AssetReference)
export class AssetTicketsResolver {
  @FieldResolver(() => TicketConnection, {
    nullable: true,
    description: `Tickets about the asset, newest first${UNAVAILABLE}`,
  })
  tickets(@Root() asset: AssetReference, @Args() args: TicketsArgs, @Ctx() ctx: TicketContext) {
    return ticketsOf('asset', asset.id, args, ctx);
  }
}

@Resolver(() => IncidentReference)
export class IncidentTicketsResolver {
  @FieldResolver(() => TicketConnection, {
    nullable: true,
    description: `Tickets belonging to the incident, newest first${UNAVAILABLE}`,
  })
  tickets(@Root() incident: IncidentReference, @Args() args: TicketsArgs, @Ctx() ctx: TicketContext) {
    return ticketsOf('incident', incident.id, args, ctx);
  }
}
