// The graph of incidents, thin: each field asks the use-case and shapes the answer.
import { ConnectionArgs, pageRequest, toConnection, type ConnectionShape } from '@opsgraph/graphql-kit';
import { metaOf } from '@opsgraph/service-kit';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { IncidentContext } from '../subgraph';
import { CreateIncidentInput } from './incident.inputs';
import { cursorOf } from './incident.repository';
import type { IncidentRecord } from './incident.rules';
import { Incident, IncidentConnection } from './incident.type';

@Resolver(() => Incident)
export class IncidentResolver {
  @Query(() => Incident, { nullable: true, description: 'One incident; null when there is none' })
  incident(@Arg('id', () => ID) id: string, @Ctx() ctx: IncidentContext): Promise<IncidentRecord | null> {
    return ctx.services.incidents.byId(ctx.caller, id);
  }

  @Query(() => IncidentConnection, { description: 'Incidents, newest first' })
  async incidents(
    @Args() args: ConnectionArgs,
    @Ctx() ctx: IncidentContext,
  ): Promise<ConnectionShape<IncidentRecord>> {
    const request = pageRequest(args);
    const { rows, total } = await ctx.services.incidents.page(ctx.caller, request);
    return toConnection(rows, request.first, cursorOf, total);
  }

  @Mutation(() => Incident, { description: 'Creates a incident and publishes incident.created' })
  createIncident(
    @Arg('input') input: CreateIncidentInput,
    @Ctx() ctx: IncidentContext,
  ): Promise<IncidentRecord> {
    return ctx.services.incidents.create(input, metaOf(ctx));
  }
}
