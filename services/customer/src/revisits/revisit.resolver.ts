import { requireCaller, type ConnectionShape } from '@opsgraph/graphql-kit';
import { metaOf } from '@opsgraph/service-kit';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CustomerContext } from '../context';
import { canViewCustomer } from '../customers/customer.access';
import type { CustomerRecord } from '../customers/customer.model';
import { Customer } from '../customers/customer.type';
import {
  CancelRevisitInput,
  OverdueRevisitsArgs,
  RecordRevisitOutcomeInput,
  ScheduleRevisitInput,
} from './revisit.inputs';
import type { RevisitView } from './revisit.service';
import { Revisit, RevisitConnection } from './revisit.type';

@Resolver(() => Revisit)
export class RevisitResolver {
  @Query(() => RevisitConnection, {
    description: 'Scheduled revisits due before now, most overdue first (staff)',
  })
  overdueRevisits(
    @Args() args: OverdueRevisitsArgs,
    @Ctx() ctx: CustomerContext,
  ): Promise<ConnectionShape<RevisitView>> {
    return ctx.services.revisits.overdue(metaOf(ctx), args);
  }

  @Mutation(() => Revisit, { description: 'KEY_ACCOUNT and VIP customers who consented to revisits' })
  scheduleRevisit(
    @Arg('input') input: ScheduleRevisitInput,
    @Ctx() ctx: CustomerContext,
  ): Promise<RevisitView> {
    return ctx.services.revisits.schedule(metaOf(ctx), input);
  }

  @Mutation(() => Revisit, { description: 'Editors or the assignee; publishes customer.revisit_recorded' })
  recordRevisitOutcome(
    @Arg('input') input: RecordRevisitOutcomeInput,
    @Ctx() ctx: CustomerContext,
  ): Promise<RevisitView> {
    return ctx.services.revisits.recordOutcome(metaOf(ctx), input);
  }

  @Mutation(() => Revisit)
  cancelRevisit(@Arg('input') input: CancelRevisitInput, @Ctx() ctx: CustomerContext): Promise<RevisitView> {
    return ctx.services.revisits.cancel(metaOf(ctx), input);
  }

  @FieldResolver(() => Customer, { nullable: true })
  async customer(@Root() revisit: RevisitView, @Ctx() ctx: CustomerContext): Promise<CustomerRecord | null> {
    const customer = await ctx.loaders.customers.load(revisit.customerId);
    return customer && canViewCustomer(requireCaller(ctx), customer.id) ? customer : null;
  }
}
