// The graph of contingency plans, thin: each field asks the use-case and shapes the answer.
import { useCaseMutations } from '@opsgraph/service-kit';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { permissions } from '../permissions';
import type { IncidentContext } from '../subgraph';
import { ContingencyPlansArgs, CreateContingencyPlanInput, ReviseContingencyPlanInput } from './plan.inputs';
import type { PlanRecord, PlanVersionRecord } from './plan.rules';
import { ContingencyPlan, PlanVersion } from './plan.type';

export const PlanMutations = useCaseMutations(
  () => ContingencyPlan,
  (ctx: IncidentContext) => ctx.services.plans,
  {
    createContingencyPlan: {
      useCase: 'create',
      input: CreateContingencyPlanInput,
      description: 'ADMIN, OPS_DIRECTOR, OPS_MANAGER; CONFLICT when the category and severity has a plan',
    },
    reviseContingencyPlan: {
      useCase: 'revise',
      input: ReviseContingencyPlanInput,
      description: 'Adds the next version and makes it current; earlier versions never change',
    },
  },
);

@Resolver(() => ContingencyPlan)
export class PlanResolver {
  @Query(() => ContingencyPlan, { nullable: true, description: 'One plan; null when there is none' })
  contingencyPlan(
    @Arg('id', () => ID, { description: 'The plan’s id' }) id: string,
    @Ctx() ctx: IncidentContext,
  ): Promise<PlanRecord | null> {
    return ctx.services.plans.byId(ctx.caller, id);
  }

  @Query(() => [ContingencyPlan], { description: 'The plans, by category and severity' })
  contingencyPlans(@Args() args: ContingencyPlansArgs, @Ctx() ctx: IncidentContext): Promise<PlanRecord[]> {
    return ctx.services.plans.list(ctx.caller, args);
  }

  @FieldResolver(() => [PlanVersion], { description: 'Every version, oldest first' })
  versions(@Root() plan: PlanRecord, @Ctx() ctx: IncidentContext): Promise<PlanVersionRecord[]> {
    permissions.require(ctx.caller, 'VIEW_PLANS');
    return ctx.loaders.planVersions.load(plan.id);
  }

  @FieldResolver(() => PlanVersion, { description: 'The version new incidents run' })
  async current(@Root() plan: PlanRecord, @Ctx() ctx: IncidentContext): Promise<PlanVersionRecord> {
    const versions = await this.versions(plan, ctx);
    return versions.find((version) => version.planVersion === plan.currentVersion)!;
  }
}
