import { requireCaller } from '@opsgraph/graphql-kit';
import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { graphqlEnumOf } from '@opsgraph/graphql-kit';
import { permissions } from '../permissions';
import type { KpiContext } from '../subgraph';
import { DEADLINES, type AtRisk, type Deadline } from './at-risk.rules';

export const SlaDeadlineKind = graphqlEnumOf(DEADLINES, 'KpiSlaDeadline', 'Which SLA deadline of a ticket', {
  RESPONSE: 'First response (acknowledgement)',
  RESOLUTION: 'Resolution',
});

@ObjectType({ description: 'A ticket whose response or resolution deadline is near and not met' })
export class AtRiskTicket {
  @Field(() => ID, { description: 'The ticket at risk' })
  ticketId: string;

  @Field(() => ID, { description: 'The ticket’s lead department; null when it has none yet', nullable: true })
  departmentId: string | null;

  @Field(() => SlaDeadlineKind, { description: 'Which deadline is near: RESPONSE or RESOLUTION' })
  deadline: Deadline;

  @Field({ description: 'When the deadline falls (ISO 8601 date-time, UTC)' })
  dueAt: string;

  @Field(() => Int, { description: 'Seconds left until dueAt' })
  remainingSeconds: number;

  @Field(() => Int, {
    description:
      'The deadline’s whole window in seconds, from opening to dueAt; at risk when remaining is below KPI_AT_RISK_SHARE (default 20 %) of it',
  })
  windowSeconds: number;
}

@Resolver()
export class AtRiskResolver {
  @Query(() => [AtRiskTicket], {
    description:
      'Tickets of the department with less than the configured share (default 20 %) of an SLA window left',
  })
  atRiskTickets(
    @Arg('departmentId', () => ID, { description: 'The lead department whose tickets are listed' })
    departmentId: string,
    @Ctx() ctx: KpiContext,
  ): Promise<AtRisk[]> {
    permissions.require(requireCaller(ctx), 'VIEW_KPIS');
    return ctx.services.atRisk.atRiskNow(departmentId.toLowerCase());
  }
}
