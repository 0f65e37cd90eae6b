// creditPraise and Ticket.praisedEmployees (docs/product.md §11.7). Thin.
import { metaOf } from '@opsgraph/service-kit';
import { ArrayMaxSize, ArrayMinSize } from 'class-validator';
import DataLoader from 'dataloader';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import type { TicketContext } from '../context';
import { EmployeeReference } from '../references/entity-references';
import { TicketChangeInput } from '../tickets/ticket.inputs';
import type { Ticket } from '../tickets/ticket.model';
import { TicketType } from '../tickets/ticket.type';
import { PraiseRepository } from './praise.repository';

@InputType('CreditPraiseInput', { description: 'Credits a PRAISE ticket to the employees it praises (OPS_MANAGER, OPS_DIRECTOR, ADMIN); a correction replaces the set. Publishes ticket.praise_credited' })
export class CreditPraiseInput extends TicketChangeInput {
  @Field(() => [ID], { description: 'The employees the praise is for; replaces the earlier credit' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  employeeIds: string[];
}

/** Per request: the credited employees of all PRAISE tickets of a response in one query. */
export function praiseLoader(repository: PraiseRepository): DataLoader<string, string[]> {
  return new DataLoader(async (ticketIds) => {
    const credits = await repository.ofTickets(ticketIds);
    return ticketIds.map((id) => credits.filter((credit) => credit.ticketId === id).map((credit) => credit.employeeId));
  });
}

@Resolver(() => TicketType)
export class PraiseResolver {
  @Mutation(() => TicketType, { description: 'Credits a PRAISE ticket (表揚) to the employees it praises' })
  creditPraise(@Arg('input', { description: 'The praise ticket and the employees credited' }) input: CreditPraiseInput, @Ctx() ctx: TicketContext): Promise<Ticket> {
    return ctx.services.praise.credit(
      metaOf(ctx),
      { ticketId: input.ticketId, expectedVersion: input.expectedVersion, occurredAt: input.occurredAt ?? null },
      input.employeeIds,
    );
  }

  @FieldResolver(() => [EmployeeReference], { description: 'PRAISE tickets: the employees credited' })
  async praisedEmployees(@Root() ticket: Ticket, @Ctx() ctx: TicketContext): Promise<EmployeeReference[]> {
    if (ticket.kind !== 'PRAISE') return [];
    return (await ctx.praiseCredits.load(ticket.id)).map((id) => ({ id }));
  }
}
