import { requireCaller, type ConnectionShape } from '@opsgraph/graphql-kit';
import { metaOf, useCaseMutations } from '@opsgraph/service-kit';
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { CustomerContext } from '../context';
import { canViewCustomer } from '@opsgraph/personal-data';
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

/** Each revisit mutation takes one input and answers the revisit as the RevisitService use-case leaves it. */
export const RevisitMutations = useCaseMutations(
  () => Revisit,
  (ctx: CustomerContext) => ctx.services.revisits,
  {
    scheduleRevisit: {
      useCase: 'schedule',
      input: ScheduleRevisitInput,
      description: 'KEY_ACCOUNT and VIP customers who consented to revisits',
    },
    recordRevisitOutcome: {
      useCase: 'recordOutcome',
      input: RecordRevisitOutcomeInput,
      description: 'Editors or the assignee; publishes customer.revisit_recorded',
    },
    cancelRevisit: { useCase: 'cancel', input: CancelRevisitInput },
  },
);

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

  @FieldResolver(() => Customer, {
    description: 'The customer revisited; null when the caller may not see that customer',
    nullable: true,
  })
  async customer(@Root() revisit: RevisitView, @Ctx() ctx: CustomerContext): Promise<CustomerRecord | null> {
    const customer = await ctx.loaders.customers.load(revisit.customerId);
    return customer && canViewCustomer(requireCaller(ctx), customer.id) ? customer : null;
  }
}
