// The graph of drills, thin: each field asks the use-case or a loader and shapes the answer.
import { useCaseMutations } from '@opsgraph/service-kit';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { isActionOverdue } from '../incidents/incident.rules';
import type { IncidentRecord } from '../incidents/incident.rules';
import { Incident } from '../incidents/incident.type';
import type { PlanRecord, PlanVersionRecord } from '../plans/plan.rules';
import { ContingencyPlan, PlanVersion } from '../plans/plan.type';
import { EmployeeReference } from '../references/entity-references';
import type { IncidentContext } from '../subgraph';
import { RecordDrillInput, UpdateDrillFollowUpInput } from './drill.inputs';
import type { DrillRecord } from './drill.rules';
import { Drill, DrillFollowUp } from './drill.type';

export const DrillMutations = useCaseMutations(
  () => Drill,
  (ctx: IncidentContext) => ctx.services.drills,
  {
    recordDrill: {
      useCase: 'record',
      input: RecordDrillInput,
      description: 'ADMIN, OPS_DIRECTOR, OPS_MANAGER',
    },
    updateDrillFollowUp: {
      useCase: 'updateFollowUp',
      input: UpdateDrillFollowUpInput,
      description: 'Managers, or the follow-up’s owner',
    },
  },
);

@Resolver(() => Drill)
export class DrillResolver {
  @Query(() => Drill, { nullable: true, description: 'One drill; null when there is none' })
  drill(
    @Arg('id', () => ID, { description: 'The drill’s id' }) id: string,
    @Ctx() ctx: IncidentContext,
  ): Promise<DrillRecord | null> {
    return ctx.services.drills.byId(ctx.caller, id);
  }

  @Query(() => [Drill], { description: 'Drills with a follow-up past due and not done, oldest drill first' })
  drillsWithOverdueFollowUps(
    @Arg('first', () => Int, { description: 'At most this many drills (default 50)', defaultValue: 50 })
    first: number,
    @Ctx() ctx: IncidentContext,
  ): Promise<DrillRecord[]> {
    return ctx.services.drills.withOverdueFollowUps(ctx.caller, Math.min(Math.max(first, 0), 100));
  }

  @FieldResolver(() => ContingencyPlan, {
    description: 'The contingency plan rehearsed; null only if it cannot be loaded',
    nullable: true,
  })
  plan(@Root() drill: DrillRecord, @Ctx() ctx: IncidentContext): Promise<PlanRecord | null> {
    return ctx.loaders.plans.load(drill.planId);
  }

  @FieldResolver(() => [EmployeeReference], { description: 'Employees who took part' })
  participants(@Root() drill: DrillRecord) {
    return drill.participantIds.map((id) => ({ id }));
  }

  @FieldResolver(() => [DrillFollowUp], {
    description: 'Follow-up actions, with overdue set when not done by their due day',
  })
  followUps(@Root() drill: DrillRecord, @Ctx() ctx: IncidentContext) {
    const today = ctx.services.drills.today();
    return drill.followUps.map((item) => ({
      ...item,
      owner: { id: item.ownerId },
      overdue: isActionOverdue(item, today),
    }));
  }
}

@Resolver(() => ContingencyPlan)
export class PlanDrillsResolver {
  @FieldResolver(() => [Drill], { description: 'Its drills, latest first' })
  drills(@Root() plan: PlanRecord, @Ctx() ctx: IncidentContext): Promise<DrillRecord[]> {
    return ctx.loaders.drillsOfPlans.load(plan.id);
  }
}

@Resolver(() => PlanVersion)
export class PlanVersionSourceResolver {
  @FieldResolver(() => Drill, {
    nullable: true,
    description: 'The drill whose findings prompted this version',
  })
  sourceDrill(
    @Root() version: PlanVersionRecord,
    @Ctx() ctx: IncidentContext,
  ): Promise<DrillRecord | null> | null {
    return version.sourceDrillId ? ctx.loaders.drills.load(version.sourceDrillId) : null;
  }

  @FieldResolver(() => Incident, {
    nullable: true,
    description: 'The incident whose review prompted this version',
  })
  sourceIncident(
    @Root() version: PlanVersionRecord,
    @Ctx() ctx: IncidentContext,
  ): Promise<IncidentRecord | null> | null {
    return version.sourceIncidentId ? ctx.loaders.incidents.load(version.sourceIncidentId) : null;
  }
}
