// reassessTicket (docs/product.md §11.5). Thin: the rules are in reassessment.rules.ts.
import type { FaultCategory } from '@opsgraph/contracts-events';
import { Text } from '@opsgraph/graphql-kit';
import { metaOf } from '@opsgraph/service-kit';
import { Arg, Ctx, Field, InputType, Mutation, Resolver } from 'type-graphql';
import type { TicketContext } from '../context';
import { TicketCategoryEnum, TicketSeverityEnum } from '../tickets/ticket.enums';
import { TicketChangeInput } from '../tickets/ticket.inputs';
import type { Ticket } from '../tickets/ticket.model';
import type { Impact, Urgency } from '../tickets/ticket.priority';
import { TicketType } from '../tickets/ticket.type';

@InputType('ReassessTicketInput', { description: 'Corrects an open ticket’s category, urgency and impact (the handler, within scope): priority recomputed, SLA deadlines re-targeted from the original start. An unchanged assessment or a resolved ticket is refused' })
export class ReassessTicketInput extends TicketChangeInput {
  @Field(() => TicketCategoryEnum, { nullable: true, description: 'FAULT tickets; omit to keep' })
  category?: FaultCategory | null;

  @Field(() => TicketSeverityEnum, { nullable: true, description: 'Omit to keep' })
  urgency?: Urgency | null;

  @Field(() => TicketSeverityEnum, { nullable: true, description: 'Omit to keep' })
  impact?: Impact | null;

  @Field({ description: 'Why the first assessment was wrong (audited)' })
  @Text({ max: 2000 })
  reason: string;
}

@Resolver(() => TicketType)
export class ReassessmentResolver {
  @Mutation(() => TicketType, {
    description: 'Corrects category, urgency or impact after intake; priority and SLA deadlines are recomputed',
  })
  reassessTicket(@Arg('input', { description: 'The ticket, the new assessment and the reason' }) input: ReassessTicketInput, @Ctx() ctx: TicketContext): Promise<Ticket> {
    return ctx.services.reassessment.reassess(
      metaOf(ctx),
      { ticketId: input.ticketId, expectedVersion: input.expectedVersion, occurredAt: input.occurredAt ?? null },
      {
        ...(input.category !== undefined ? { category: input.category } : {}),
        ...(input.urgency ? { urgency: input.urgency } : {}),
        ...(input.impact ? { impact: input.impact } : {}),
        reason: input.reason,
      },
    );
  }
}
