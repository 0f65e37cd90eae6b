import { metaOf } from '@opsgraph/service-kit';
import { Arg, Ctx, Field, Float, ID, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Dimension } from '../engine/cell.rules';
import { KpiDimensionKind, KpiTargetComparator, KpiTargetKpi } from '../figures/kpi-figures.type';
import type { KpiContext } from '../subgraph';
import type { KpiTarget as Target, TargetComparator, TargetKpi } from './target.rules';

@ObjectType({ description: 'A KPI target for one dimension' })
export class KpiTarget {
  @Field(() => ID, { description: 'The target’s id' })
  id: string;

  @Field(() => KpiTargetKpi, { description: 'The figure targeted' })
  kpi: TargetKpi;

  @Field(() => KpiDimensionKind, { description: 'The cut the target applies to' })
  dimensionKind: Dimension['kind'];

  @Field({ description: "'*' for OVERALL" })
  dimensionValue: string;

  @Field(() => KpiTargetComparator, { description: 'AT_LEAST or AT_MOST the target' })
  comparator: TargetComparator;

  @Field(() => Float, { description: 'The target value, in the figure’s unit' })
  target: number;

  @Field(() => Int, { description: 'Optimistic-lock version; setting the target again replaces its value' })
  version: number;
}

@InputType({ description: 'The target of a KPI for a dimension (replaces any earlier one)' })
export class SetKpiTargetInput {
  @Field(() => KpiTargetKpi, { description: 'The figure targeted' })
  kpi: TargetKpi;

  @Field(() => KpiDimensionKind, { description: 'The cut the target applies to' })
  dimensionKind: Dimension['kind'];

  @Field(() => String, {
    nullable: true,
    description: 'Department or employee id, or channel / kind / category',
  })
  dimensionValue?: string | null;

  @Field(() => KpiTargetComparator, { description: 'AT_LEAST or AT_MOST the target' })
  comparator: TargetComparator;

  @Field(() => Float, { description: '≥ 0; rates are 0–1' })
  target: number;
}

@Resolver()
export class TargetResolver {
  @Mutation(() => KpiTarget, {
    description: 'Sets a KPI target, e.g. csatAverage AT_LEAST 4.5 for a department',
  })
  setKpiTarget(
    @Arg('input', { description: 'The KPI, dimension, comparator and target value' })
    input: SetKpiTargetInput,
    @Ctx() ctx: KpiContext,
  ): Promise<Target> {
    return ctx.services.targets.set(input, metaOf(ctx));
  }
}
