import type { EmployeePosition } from '@opsgraph/contracts-events';
import { NotFoundError, requireCaller } from '@opsgraph/graphql-kit';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ORGANISATION_MAINTAINERS } from '../departments/department.resolver';
import { EmployeePositionEnum } from '../employees/employee.type';
import { actorOf, type HrPerformanceContext } from '../context';
import type { KpiDefinitionEntity } from './kpi-definition.entity';
import { SetKpiWeightsInput } from './kpi-definition.inputs';
import { weightsOf } from './kpi-definition.repository';
import { KPI_DIMENSION_DESCRIPTIONS, KPI_DIMENSIONS } from './kpi-definition.rules';
import { KpiDefinition } from './kpi-definition.type';

function toKpiDefinition(entity: KpiDefinitionEntity): KpiDefinition {
  const weights = weightsOf(entity);
  return {
    position: entity.position,
    version: entity.version,
    updatedAt: entity.updatedAt,
    weights: KPI_DIMENSIONS.map((dimension) => ({
      dimension,
      weight: weights[dimension],
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

  @Query(() => KpiDefinition)
  async kpiDefinition(
    @Arg('position', () => EmployeePositionEnum) position: EmployeePosition,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<KpiDefinition> {
    requireCaller(ctx);
    const definition = await ctx.services.kpiDefinitions.find(position);
    if (!definition) throw new NotFoundError('KpiDefinition', position);
    return toKpiDefinition(definition);
  }

  @Authorized(...ORGANISATION_MAINTAINERS)
  @Mutation(() => KpiDefinition, {
    description: 'Replace a position’s KPI weights (all dimensions, total 100)',
  })
  async setKpiWeights(
    @Arg('input') input: SetKpiWeightsInput,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<KpiDefinition> {
    return toKpiDefinition(
      await ctx.services.kpiDefinitions.setWeights(actorOf(requireCaller(ctx), ctx), input),
    );
  }
}
