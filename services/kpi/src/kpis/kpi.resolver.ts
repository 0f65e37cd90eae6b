// The graph of kpis, thin: each field asks the use-case and shapes the answer.
import { ConnectionArgs, pageRequest, toConnection, type ConnectionShape } from '@opsgraph/graphql-kit';
import { metaOf } from '@opsgraph/service-kit';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { KpiContext } from '../subgraph';
import { CreateKpiInput } from './kpi.inputs';
import { cursorOf } from './kpi.repository';
import type { KpiRecord } from './kpi.rules';
import { Kpi, KpiConnection } from './kpi.type';

@Resolver(() => Kpi)
export class KpiResolver {
  @Query(() => Kpi, { nullable: true, description: 'One kpi; null when there is none' })
  kpi(@Arg('id', () => ID) id: string, @Ctx() ctx: KpiContext): Promise<KpiRecord | null> {
    return ctx.services.kpis.byId(ctx.caller, id);
  }

  @Query(() => KpiConnection, { description: 'Kpis, newest first' })
  async kpis(@Args() args: ConnectionArgs, @Ctx() ctx: KpiContext): Promise<ConnectionShape<KpiRecord>> {
    const request = pageRequest(args);
    const { rows, total } = await ctx.services.kpis.page(ctx.caller, request);
    return toConnection(rows, request.first, cursorOf, total);
  }

  @Mutation(() => Kpi, { description: 'Creates a kpi and publishes kpi.created' })
  createKpi(@Arg('input') input: CreateKpiInput, @Ctx() ctx: KpiContext): Promise<KpiRecord> {
    return ctx.services.kpis.create(input, metaOf(ctx));
  }
}
