// GraphQL documents and inputs the incident subgraph's integration tests share.
import { randomUUID } from 'node:crypto';
import type { KpiAlert } from '../auto-incidents/kpi-alert.rules';

export const PLAN_FIELDS = `id category severity currentVersion version
  current { planVersion title commandRoles steps { position action ownerRole targetMinutes } changeNote }`;
export const CREATE_PLAN = `mutation($input: CreateContingencyPlanInput!) { createContingencyPlan(input: $input) { ${PLAN_FIELDS} } }`;
export const REVISE_PLAN = `mutation($input: ReviseContingencyPlanInput!) { reviseContingencyPlan(input: $input) { ${PLAN_FIELDS} } }`;

export const INCIDENT_FIELDS = `id number status version severity category planVersion
  commander { id } roles { role employee { id } } affectedAssets { id } affectedCustomers(keyAccountsFirst: true) { id }
  timeline { kind note actorRole } review { rootCause lessons actionItems { id description status overdue owner { id } } }`;
export const REPORT = `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { ${INCIDENT_FIELDS} } }`;
export const ACTIVATE = `mutation($input: ActivateIncidentInput!) { activateIncident(input: $input) { ${INCIDENT_FIELDS} } }`;
export const STEP = (field: string) =>
  `mutation($input: IncidentStepInput!) { ${field}(input: $input) { ${INCIDENT_FIELDS} } }`;
export const RECORD_REVIEW = `mutation($input: RecordIncidentReviewInput!) { recordIncidentReview(input: $input) { ${INCIDENT_FIELDS} } }`;
export const COMPLETE_REVIEW = `mutation($input: CompleteIncidentReviewInput!) { completeIncidentReview(input: $input) { ${INCIDENT_FIELDS} } }`;

export interface IncidentView {
  id: string;
  number: string;
  status: string;
  version: number;
  planVersion: number | null;
  commander: { id: string } | null;
  roles: { role: string; employee: { id: string } }[];
  affectedAssets: { id: string }[];
  affectedCustomers: { id: string }[];
  timeline: { kind: string; note: string | null; actorRole: string }[];
  review: { rootCause: string; actionItems: { id: string; status: string; overdue: boolean }[] } | null;
}

export interface PlanView {
  id: string;
  currentVersion: number;
  version: number;
  current: { planVersion: number; title: string; commandRoles: string[] };
}

export const planInput = (overrides: Record<string, unknown> = {}) => ({
  category: 'TECHNICAL_FAILURE',
  severity: 'SEV2',
  title: 'Power loss at a station',
  commandRoles: ['Commander', 'Communications'],
  steps: [
    { action: 'Switch to the generator', ownerRole: 'Commander', targetMinutes: 15 },
    { action: 'Tell the affected customers', ownerRole: 'Communications', targetMinutes: 30 },
  ],
  resources: ['Mobile generator'],
  contacts: [{ name: 'Grid operator hotline', role: 'Utility', phone: '+86 10 0000 0000' }],
  ...overrides,
});

export const reportInput = (overrides: Record<string, unknown> = {}) => {
  const keyAccount = randomUUID();
  return {
    title: 'North station power failure',
    nature: 'Mains power lost; pumps stopped',
    location: 'North pumping station',
    category: 'TECHNICAL_FAILURE',
    severity: 'SEV2',
    occurredAt: '2026-01-10T08:00:00.000Z',
    affectedCustomerIds: [randomUUID(), keyAccount],
    keyAccountIds: [keyAccount],
    affectedAssetIds: [randomUUID()],
    affectedServices: ['Water supply, north district'],
    ...overrides,
  };
};

/** A CRITICAL alert on the SLA breach rate, fired a minute ago. */
export const kpiAlert = (overrides: Partial<KpiAlert> = {}): KpiAlert => ({
  alertId: randomUUID(),
  ruleId: 'sla-breach-rate',
  ruleName: 'SLA breach rate above 10% in the last hour',
  kpi: 'sla_breach_rate',
  dimension: 'department:CS',
  severity: 'CRITICAL',
  value: 0.18,
  threshold: 0.1,
  firedAt: new Date(Date.now() - 60_000).toISOString(),
  ...overrides,
});
