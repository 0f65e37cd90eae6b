import type { EmployeePosition } from '@opsgraph/contracts-events';
import { NotFoundError, requireCaller } from '@opsgraph/graphql-kit';
import { metaOf } from '@opsgraph/service-kit';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { EmployeePositionEnum } from '../employees/employee.type';
import type { HrPerformanceContext } from '../context';
import { permissions } from '../permissions';
import { SetKpiWeightsInput } from './kpi-definition.inputs';
import type { KpiDefinitionRecord } from './kpi-definition.repository';
import { KPI_DIMENSION_DESCRIPTIONS, KPI_DIMENSIONS } from './kpi-definition.rules';
import { KpiDefinition } from './kpi-definition.type';

function toKpiDefinition(record: KpiDefinitionRecord): KpiDefinition {
  return {
    position: record.position,
    version: record.version,
    updatedAt: record.updatedAt,
    weights: KPI_DIMENSIONS.map((dimension) => ({
      dimension,
      weight: record.weights[dimension],
      description: KPI_DIMENSION_DESCRIPTIONS[dimension],
    })),
  };
}

@Resolver(() => KpiDefinition)
export class KpiDefinitionResolver {
  @Query(() => [KpiDefinition], { description: 'KPI weights of every position' })
  async kpiDefinitions(@Ctx() ctx: HrPerformanceContext): Promise<KpiDefinition[]> {
    requireCaller(ctx);
    return (await ctx.services.kpiDefinitions.list()).map(toKpiDefinition);
  }

  @Query(() => KpiDefinition, {
    description: 'The KPI weights of a position. Answers NOT_FOUND when none are set',
  })
  async kpiDefinition(
    @Arg('position', () => EmployeePositionEnum, { description: 'The position' }) position: EmployeePosition,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<KpiDefinition> {
    requireCaller(ctx);
    const definition = await ctx.services.kpiDefinitions.find(position);
    if (!definition) throw new NotFoundError('KpiDefinition', position);
    return toKpiDefinition(definition);
  }

  @Authorized(...permissions.rolesFor('MAINTAIN_ORGANISATION'))
  @Mutation(() => KpiDefinition, {
    description: 'Replace a position’s KPI weights (all dimensions, total 100)',
  })
  async setKpiWeights(
    @Arg('input', { description: 'The position and its full set of weights' }) input: SetKpiWeightsInput,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<KpiDefinition> {
    return toKpiDefinition(await ctx.services.kpiDefinitions.setWeights(metaOf(ctx), input));
  }
}
