import { requireCaller } from '@opsgraph/graphql-kit';
import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { graphqlEnumOf } from '@opsgraph/graphql-kit';
import { permissions } from '../permissions';
import type { KpiContext } from '../subgraph';
import { DEADLINES, type AtRisk, type Deadline } from './at-risk.rules';

export const SlaDeadlineKind = graphqlEnumOf(DEADLINES, 'KpiSlaDeadline');

@ObjectType({ description: 'A ticket whose response or resolution deadline is near and not met' })
export class AtRiskTicket {
  @Field(() => ID)
  ticketId: string;

  @Field(() => ID, { nullable: true })
  departmentId: string | null;

  @Field(() => SlaDeadlineKind)
  deadline: Deadline;

  @Field()
  dueAt: string;

  @Field(() => Int)
  remainingSeconds: number;

  @Field(() => Int)
  windowSeconds: number;
}

@Resolver()
export class AtRiskResolver {
  @Query(() => [AtRiskTicket], {
    description:
      'Tickets of the department with less than the configured share (default 20 %) of an SLA window left',
  })
  atRiskTickets(
    @Arg('departmentId', () => ID) departmentId: string,
    @Ctx() ctx: KpiContext,
  ): Promise<AtRisk[]> {
    permissions.require(requireCaller(ctx), 'VIEW_KPIS');
    return ctx.services.atRisk.atRiskNow(departmentId.toLowerCase());
  }
}
