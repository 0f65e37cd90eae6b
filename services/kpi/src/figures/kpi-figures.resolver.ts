import { requireCaller } from '@opsgraph/graphql-kit';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { KpiContext } from '../subgraph';
import type { FiguresOf } from './kpi-figures.service';
import { KpiDimensionInput, KpiReport, KpiPeriodInput } from './kpi-figures.type';

@Resolver(() => KpiReport)
export class KpiFiguresResolver {
  @Query(() => KpiReport, {
    description: 'KPI figures of one period and dimension (default OVERALL), live from the ticket events',
  })
  kpi(
    @Arg('period', () => KpiPeriodInput, { description: 'The period: its kind and any date in it' })
    period: KpiPeriodInput,
    @Arg('dimension', () => KpiDimensionInput, { description: 'The cut; null for OVERALL', nullable: true })
    dimension: KpiDimensionInput | null,
    @Ctx() ctx: KpiContext,
  ): Promise<FiguresOf> {
    return ctx.services.figures.figures(requireCaller(ctx), period, dimension ?? null);
  }
}
