// The graph of incidents, thin: each field asks the use-case or a loader and shapes the answer.
import { pageRequest, toConnection, type ConnectionShape } from '@opsgraph/graphql-kit';
import { useCaseMutations } from '@opsgraph/service-kit';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { permissions } from '../permissions';
import type { PlanRecord, PlanVersionRecord } from '../plans/plan.rules';
import { ContingencyPlan, PlanVersion } from '../plans/plan.type';
import {
  AssetReference,
  CustomerReference,
  EmployeeReference,
  referenceTo,
} from '../references/entity-references';
import type { IncidentContext } from '../subgraph';
import {
  ActivateIncidentInput,
  AddIncidentNoteInput,
  CompleteIncidentReviewInput,
  IncidentsArgs,
  IncidentStepInput,
  RecordIncidentReviewInput,
  ReportIncidentInput,
  UpdateIncidentActionItemInput,
} from './incident.inputs';
import type { TimelineEntry } from './incident.repository';
import { isActionOverdue, type ActionItem, type IncidentRecord } from './incident.rules';
import {
  Incident,
  IncidentActionItem,
  IncidentConnection,
  IncidentReview,
  IncidentRoleAssignment,
  IncidentTimelineEntry,
} from './incident.type';

const MANAGERS = 'ADMIN, OPS_DIRECTOR, OPS_MANAGER';
const PEOPLE = `${MANAGERS}, the commander and the role holders`;

export const IncidentMutations = useCaseMutations(
  () => Incident,
  (ctx: IncidentContext) => ctx.services.incidents,
  {
    reportIncident: { useCase: 'report', input: ReportIncidentInput, description: 'Any member of staff' },
    activateIncident: {
      useCase: 'activate',
      input: ActivateIncidentInput,
      description: `REPORTED → ACTIVATED; ${MANAGERS}`,
    },
    containIncident: {
      useCase: 'contain',
      input: IncidentStepInput,
      description: `ACTIVATED → CONTAINED; ${PEOPLE}`,
    },
    startIncidentRecovery: {
      useCase: 'startRecovery',
      input: IncidentStepInput,
      description: `CONTAINED → RECOVERING; ${PEOPLE}`,
    },
    resolveIncident: {
      useCase: 'resolve',
      input: IncidentStepInput,
      description: `RECOVERING → RESOLVED; ${PEOPLE}`,
    },
    recordIncidentReview: {
      useCase: 'recordReview',
      input: RecordIncidentReviewInput,
      description: `While RESOLVED; ${PEOPLE}`,
    },
    completeIncidentReview: {
      useCase: 'completeReview',
      input: CompleteIncidentReviewInput,
      description: `RESOLVED → REVIEWED, once the review is recorded; ${PEOPLE}`,
    },
    addIncidentNote: {
      useCase: 'addNote',
      input: AddIncidentNoteInput,
      description: `A timeline note; ${PEOPLE}`,
    },
  },
);

export const ActionItemMutations = useCaseMutations(
  () => IncidentActionItem,
  (ctx: IncidentContext) => ctx.services.incidents,
  {
    updateIncidentActionItem: {
      useCase: 'updateActionItem',
      input: UpdateIncidentActionItemInput,
      description: `${PEOPLE}, or the item's owner`,
    },
  },
);

const withOverdue = (item: ActionItem, today: string) => ({
  ...item,
  owner: { id: item.ownerId },
  overdue: isActionOverdue(item, today),
});

@Resolver(() => Incident)
export class IncidentResolver {
  @Query(() => Incident, { nullable: true, description: 'One incident; null when there is none' })
  incident(
    @Arg('id', () => ID, { description: 'The incident’s id' }) id: string,
    @Ctx() ctx: IncidentContext,
  ): Promise<IncidentRecord | null> {
    return ctx.services.incidents.byId(ctx.caller, id);
  }

  @Query(() => IncidentConnection, { description: 'Incidents, newest first' })
  async incidents(
    @Args() args: IncidentsArgs,
    @Ctx() ctx: IncidentContext,
  ): Promise<ConnectionShape<IncidentRecord>> {
    const request = pageRequest(args);
    const { rows, total } = await ctx.services.incidents.page(ctx.caller, request, args);
    return toConnection(rows, request.first, (row) => [row.createdAt.toISOString(), row.id], total);
  }

  @Query(() => [IncidentActionItem], {
    description: 'Review action items not done and past due, soonest due first',
  })
  async overdueIncidentActionItems(
    @Arg('first', () => Int, { description: 'At most this many items (default 50)', defaultValue: 50 })
    first: number,
    @Ctx() ctx: IncidentContext,
  ) {
    const items = await ctx.services.incidents.overdueActionItems(
      ctx.caller,
      Math.min(Math.max(first, 0), 100),
    );
    const today = ctx.services.incidents.today();
    return items.map((item) => withOverdue(item, today));
  }

  @FieldResolver(() => [IncidentTimelineEntry], {
    description: 'Every action taken on the incident, oldest first',
  })
  timeline(@Root() incident: IncidentRecord, @Ctx() ctx: IncidentContext): Promise<TimelineEntry[]> {
    return ctx.loaders.timeline.load(incident.id);
  }

  @FieldResolver(() => IncidentReview, { nullable: true, description: 'Null until the review is recorded' })
  async review(@Root() incident: IncidentRecord, @Ctx() ctx: IncidentContext) {
    if (incident.reviewRecordedAt === null) return null;
    const today = ctx.services.incidents.today();
    const items = await ctx.loaders.actionItems.load(incident.id);
    return {
      rootCause: incident.rootCause,
      lessons: incident.lessons,
      recordedAt: incident.reviewRecordedAt,
      actionItems: items.map((item) => withOverdue(item, today)),
    };
  }

  @FieldResolver(() => ContingencyPlan, { nullable: true, description: 'The plan activated for it' })
  async plan(@Root() incident: IncidentRecord, @Ctx() ctx: IncidentContext): Promise<PlanRecord | null> {
    return incident.planId ? ctx.loaders.plans.load(incident.planId) : null;
  }

  @FieldResolver(() => PlanVersion, {
    nullable: true,
    description: 'The plan version it runs (recorded at activation)',
  })
  async planRun(
    @Root() incident: IncidentRecord,
    @Ctx() ctx: IncidentContext,
  ): Promise<PlanVersionRecord | null> {
    if (!incident.planId || !permissions.can(ctx.caller, 'VIEW_PLANS')) return null;
    const versions = await ctx.loaders.planVersions.load(incident.planId);
    return versions.find((version) => version.planVersion === incident.planVersion) ?? null;
  }

  @FieldResolver(() => EmployeeReference, { nullable: true, description: 'The reporting employee' })
  reporter(@Root() incident: IncidentRecord) {
    return referenceTo(incident.reporterId);
  }

  @FieldResolver(() => EmployeeReference, {
    description: 'The employee commanding the response; null until activated',
    nullable: true,
  })
  commander(@Root() incident: IncidentRecord) {
    return referenceTo(incident.commanderId);
  }

  @FieldResolver(() => [IncidentRoleAssignment], {
    description: 'The people named for the plan version’s command roles',
  })
  roles(@Root() incident: IncidentRecord) {
    return incident.roles.map((role) => ({ role: role.role, employee: { id: role.employeeId } }));
  }

  @FieldResolver(() => [AssetReference], { description: 'The assets affected' })
  affectedAssets(@Root() incident: IncidentRecord) {
    return incident.affectedAssetIds.map((id) => ({ id }));
  }

  @FieldResolver(() => [CustomerReference], { description: 'The customers affected' })
  affectedCustomers(
    @Root() incident: IncidentRecord,
    @Arg('keyAccountsFirst', {
      description: 'true: key accounts first (default false: the order they were named)',
      defaultValue: false,
    })
    keyAccountsFirst: boolean,
  ) {
    const ids = keyAccountsFirst
      ? [
          ...incident.keyAccountIds,
          ...incident.affectedCustomerIds.filter((id) => !incident.keyAccountIds.includes(id)),
        ]
      : incident.affectedCustomerIds;
    return ids.map((id) => ({ id }));
  }

  @FieldResolver(() => [CustomerReference], { description: 'The affected customers that are key accounts' })
  keyAccounts(@Root() incident: IncidentRecord) {
    return incident.keyAccountIds.map((id) => ({ id }));
  }
}
