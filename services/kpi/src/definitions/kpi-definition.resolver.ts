import { requireCaller } from '@opsgraph/graphql-kit';
import { graphqlEnumOf } from '@opsgraph/graphql-kit';
import { metaOf } from '@opsgraph/service-kit';
import { Arg, Ctx, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { KpiContext } from '../subgraph';
import type { KpiDefinitionView } from './kpi-definition.service';
import { FIRST_RESPONSE_MEASURES, type FirstResponseMeasure } from './kpi-definition.rules';

export const KpiFirstResponseMeasure = graphqlEnumOf(
  FIRST_RESPONSE_MEASURES,
  'KpiFirstResponseMeasure',
  'What counts as a ticket’s first response in the first-response figures',
  {
    ACKNOWLEDGEMENT: 'The acknowledgement only: a ticket never acknowledged has no first response',
    ACKNOWLEDGEMENT_OR_RESOLUTION:
      'The acknowledgement, or for a ticket resolved without one its resolution (its resolution time is then its ' +
      'first-response time)',
  },
);

@ObjectType('KpiFormulaDefinition', {
  description:
    'One version of the KPI definition: the parameters of the ticket formulas that are folded into the day cells',
})
export class KpiDefinition {
  @Field(() => Int, { description: 'The version: 1, then one more per publication' })
  version: number;

  @Field(() => Int, {
    description:
      '“Resolved within SLA”: a resolution at most this many seconds after its resolution deadline counts as met ' +
      '(0: the ticket service’s own verdict)',
  })
  slaGraceSeconds: number;

  @Field(() => KpiFirstResponseMeasure, { description: 'What counts as a ticket’s first response' })
  firstResponse: FirstResponseMeasure;

  @Field(() => String, { nullable: true, description: 'Why the version was published' })
  note: string | null;

  @Field({ description: 'When the version was published' })
  publishedAt: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The publisher’s user id; null for the initial version',
  })
  publishedBy: string | null;

  @Field({ description: 'Whether this is the newest version' })
  latest: boolean;

  @Field({
    description:
      'Whether the ticket figures are computed under this version now; a newer version applies once the ' +
      'definition replay has rebuilt the cells',
  })
  applied: boolean;
}

@InputType('PublishKpiFormulaDefinitionInput', {
  description: 'The parameters of a new KPI formula definition version',
})
export class PublishKpiDefinitionInput {
  @Field(() => Int, { description: 'SLA grace in seconds, 0 to 86400' })
  slaGraceSeconds: number;

  @Field(() => KpiFirstResponseMeasure, { description: 'What counts as a ticket’s first response' })
  firstResponse: FirstResponseMeasure;

  @Field(() => String, {
    nullable: true,
    description: 'Why the version is published (at most 500 characters)',
  })
  note?: string | null;
}

@Resolver(() => KpiDefinition)
export class KpiDefinitionResolver {
  @Query(() => [KpiDefinition], {
    description: 'Every version of the KPI formula definition, newest first',
  })
  kpiFormulaDefinitions(@Ctx() ctx: KpiContext): Promise<KpiDefinitionView[]> {
    return ctx.services.definitions.list(requireCaller(ctx));
  }

  @Mutation(() => KpiDefinition, {
    description:
      'Publishes version n + 1 of the KPI formula definition (audited). The figures keep the applied version until the ' +
      'definition replay rebuilds the cells. Errors: FORBIDDEN (not ADMIN or OPS_MANAGER), BAD_USER_INPUT ' +
      '(slaGraceSeconds out of range, note too long; extensions.field names the input field), CONFLICT (a ' +
      'concurrent publication)',
  })
  publishKpiFormulaDefinition(
    @Arg('input', () => PublishKpiDefinitionInput, { description: 'The new version’s parameters and note' })
    input: PublishKpiDefinitionInput,
    @Ctx() ctx: KpiContext,
  ): Promise<KpiDefinitionView> {
    return ctx.services.definitions.publish(input, metaOf(ctx));
  }
}
