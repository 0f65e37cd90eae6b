import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { metaOf } from '@opsgraph/service-kit';
import type { TicketContext } from '../context';
import { UpdateSlaPolicyInput } from './sla-policy.inputs';
import type { StoredSlaPolicy } from './sla-policy.repository';
import { SlaPolicyType } from './sla-policy.type';

@Resolver(() => SlaPolicyType)
export class SlaPolicyResolver {
  @Query(() => [SlaPolicyType], { description: 'The SLA targets per priority (staff and analysts)' })
  slaPolicies(@Ctx() ctx: TicketContext): Promise<StoredSlaPolicy[]> {
    return ctx.services.slaPolicies.list(ctx.caller);
  }

  @Mutation(() => SlaPolicyType, {
    description: 'Changes the targets of a priority for tickets opened from now on (ADMIN, OPS_DIRECTOR)',
  })
  updateSlaPolicy(
    @Arg('input', { description: 'The priority and its new targets' }) input: UpdateSlaPolicyInput,
    @Ctx() ctx: TicketContext,
  ): Promise<StoredSlaPolicy> {
    return ctx.services.slaPolicies.update(metaOf(ctx), input);
  }
}
