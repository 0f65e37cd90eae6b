// Per-request loaders of the incident subgraph, and `_entities` for Incident and ContingencyPlan.
import {
  batchedReference,
  createGroupLoader,
  createLoader,
  type EntityReference,
} from '@opsgraph/graphql-kit';
import type { DataSource } from 'typeorm';
import { permissions } from '../permissions';
import { DrillReads } from '../drills/drill.repository';
import type { DrillRecord } from '../drills/drill.rules';
import { PlanReads } from '../plans/plan.repository';
import type { PlanRecord, PlanVersionRecord } from '../plans/plan.rules';
import { RiskReads } from '../risks/risk.repository';
import type { RiskRecord } from '../risks/risk.rules';
import type { IncidentContext } from '../subgraph';
import { IncidentRepository, type TimelineEntry } from './incident.repository';
import type { ActionItem, IncidentRecord } from './incident.rules';

export const incidentLoaders = (dataSource: DataSource) => {
  const incidents = new IncidentRepository(dataSource.manager);
  const plans = new PlanReads(dataSource.manager);
  const risks = new RiskReads(dataSource.manager);
  const drills = new DrillReads(dataSource.manager);
  return {
    incidents: createLoader(
      (ids) => incidents.byIds(ids),
      (row: IncidentRecord) => row.id,
    ),
    risks: createLoader(
      (ids) => risks.byIds(ids),
      (row: RiskRecord) => row.id,
    ),
    drills: createLoader(
      (ids) => drills.byIds(ids),
      (row: DrillRecord) => row.id,
    ),
    drillsOfPlans: createGroupLoader(
      (ids) => drills.ofPlans(ids),
      (row: DrillRecord) => row.planId,
    ),
    timeline: createGroupLoader(
      (ids) => incidents.timelineOf(ids),
      (row: TimelineEntry) => row.incidentId,
    ),
    actionItems: createGroupLoader(
      (ids) => incidents.actionItemsOf(ids),
      (row: ActionItem) => row.incidentId,
    ),
    plans: createLoader(
      (ids) => plans.byIds(ids),
      (row: PlanRecord) => row.id,
    ),
    planVersions: createGroupLoader(
      (ids) => plans.versionsOf(ids),
      (row: PlanVersionRecord) => row.planId,
    ),
    ofAssets: createGroupLoader(
      (ids) => incidents.involving('affected_asset_ids', ids),
      (row: IncidentRecord) => row.affectedAssetIds,
    ),
    ofCustomers: createGroupLoader(
      (ids) => incidents.involving('affected_customer_ids', ids),
      (row: IncidentRecord) => row.affectedCustomerIds,
    ),
    ofPeople: createGroupLoader(
      (ids) => incidents.commandedBy(ids),
      (row: IncidentRecord) => [
        ...(row.commanderId ? [row.commanderId] : []),
        ...row.roles.map((r) => r.employeeId),
      ],
    ),
  };
};
export type IncidentLoaders = ReturnType<typeof incidentLoaders>;

const loadIncident = batchedReference((ctx: IncidentContext) => ctx.loaders.incidents);
const loadPlan = batchedReference((ctx: IncidentContext) => ctx.loaders.plans);
const loadRisk = batchedReference((ctx: IncidentContext) => ctx.loaders.risks);
const loadDrill = batchedReference((ctx: IncidentContext) => ctx.loaders.drills);

export const incidentReferences = {
  Incident: {
    // A caller who may not view incidents gets null, as for an unknown id.
    __resolveReference: (reference: EntityReference, ctx: IncidentContext) =>
      permissions.can(ctx.caller, 'VIEW_INCIDENTS') ? loadIncident(reference, ctx) : null,
  },
  Risk: {
    __resolveReference: (reference: EntityReference, ctx: IncidentContext) =>
      permissions.can(ctx.caller, 'VIEW_RISKS') ? loadRisk(reference, ctx) : null,
  },
  Drill: {
    __resolveReference: (reference: EntityReference, ctx: IncidentContext) =>
      permissions.can(ctx.caller, 'VIEW_PLANS') ? loadDrill(reference, ctx) : null,
  },
  ContingencyPlan: {
    __resolveReference: (reference: EntityReference, ctx: IncidentContext) =>
      permissions.can(ctx.caller, 'VIEW_PLANS') ? loadPlan(reference, ctx) : null,
  },
};
