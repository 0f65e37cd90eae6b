// Demo emergencies (docs/product.md §5), sent through the graph: a risk register, two contingency plans with their
// revisions (one prompted by a drill), a drill, and three past incidents; the first affects two customers, so the
// ticket service's fan-out holds and releases their open tickets. No key account is marked: the fan-out would open a
// ticket for it, and the demo's ticket count is the seed's own. Idempotent: nothing is added once a risk exists.
import type { GraphClient } from '../support/graph-client';

interface Person {
  id: string;
  position: string;
}

export interface IncidentSeedContext {
  readonly client: GraphClient;
  readonly employees: readonly Person[];
  readonly now: Date;
  readonly log: (message: string) => void;
}

const DAY = 86_400_000;
const day = (now: Date, daysFromNow: number) =>
  new Date(now.getTime() + daysFromNow * DAY).toISOString().slice(0, 10);
const at = (now: Date, daysAgo: number, hours = 0) =>
  new Date(now.getTime() - daysAgo * DAY + hours * 3_600_000).toISOString();

const POWER_PLAN = {
  title: 'Platform outage',
  commandRoles: ['Commander', 'Communications', 'Technical lead'],
  steps: [
    { action: 'Open the incident bridge and name the commander', ownerRole: 'Commander', targetMinutes: 10 },
    { action: 'Fail over to the standby site', ownerRole: 'Technical lead', targetMinutes: 30 },
    { action: 'Tell the affected key accounts', ownerRole: 'Communications', targetMinutes: 30 },
  ],
  resources: ['Standby site', 'Status page'],
  contacts: [{ name: 'Data-centre duty desk', role: 'Hosting provider', phone: '+86 21 5555 0100' }],
};

const BREACH_PLAN = {
  title: 'Personal data breach',
  commandRoles: ['Commander', 'Security lead', 'Legal'],
  steps: [
    { action: 'Contain: revoke the leaked credentials', ownerRole: 'Security lead', targetMinutes: 15 },
    {
      action: 'Assess which data and customers are affected',
      ownerRole: 'Security lead',
      targetMinutes: 120,
    },
    {
      action: 'Notify the regulator and the customers as the law requires',
      ownerRole: 'Legal',
      targetMinutes: 1440,
    },
  ],
};

export async function seedIncidents({ client, employees, now, log }: IncidentSeedContext): Promise<void> {
  const { risks } = await client.data<{ risks: { totalCount: number } }>(
    '{ risks(first: 1) { totalCount } }',
  );
  if (risks.totalCount > 0) {
    log('emergencies: present, nothing to add');
    return;
  }
  const pick = (position: string, index = 0) =>
    employees.filter((e) => e.position === position)[index]?.id ?? employees[0]!.id;
  const director = pick('OPS_DIRECTOR');
  const manager = pick('OPS_MANAGER');
  const technician = pick('TECHNICIAN');
  const agent = pick('CS_SPECIALIST');
  const mutate = async <T>(
    field: string,
    inputType: string,
    input: Record<string, unknown>,
    select = 'id version',
  ) =>
    (
      await client.data<Record<string, T>>(
        `mutation ($input: ${inputType}!) { r: ${field}(input: $input) { ${select} } }`,
        { input },
      )
    ).r!;

  const riskSpecs = [
    ['Data-centre power failure', 'TECHNICAL_FAILURE', 2, 5, 'Standby site; UPS tested quarterly', 5, 60],
    [
      'Leak of customer contact data',
      'DATA_BREACH',
      2,
      5,
      'Masking by role; access log; yearly audit',
      4,
      90,
    ],
    ['Typhoon closes the operations centre', 'NATURAL_DISASTER', 2, 4, 'Remote work runbook', 4, 120],
    [
      'Complaint escalates to the media',
      'COMPLAINT_ESCALATION',
      3,
      3,
      'Complaint follow-up within 24 h',
      3,
      -5,
    ],
    ['Hosting provider outage', 'SUPPLIER_FAILURE', 2, 4, 'Second provider under contract', 4, 30],
  ] as const;
  for (const [title, category, likelihood, impact, mitigation, residualScore, reviewIn] of riskSpecs) {
    await mutate('registerRisk', 'RegisterRiskInput', {
      title,
      category,
      likelihood,
      impact,
      ownerId: category === 'DATA_BREACH' ? director : manager,
      mitigation,
      residualScore,
      nextReviewOn: day(now, reviewIn),
    });
  }

  type Plan = { id: string; version: number };
  const power = await mutate<Plan>('createContingencyPlan', 'CreateContingencyPlanInput', {
    category: 'TECHNICAL_FAILURE',
    severity: 'SEV2',
    ...POWER_PLAN,
  });
  const breach = await mutate<Plan>('createContingencyPlan', 'CreateContingencyPlanInput', {
    category: 'DATA_BREACH',
    severity: 'SEV1',
    ...BREACH_PLAN,
  });

  type Drill = { id: string };
  const drill = await mutate<Drill>(
    'recordDrill',
    'RecordDrillInput',
    {
      title: 'Fail-over drill',
      scenario: 'The primary site goes dark at 10:00 on a weekday',
      planId: power.id,
      heldAt: at(now, 45),
      participantIds: [manager, technician, agent],
      timeline: [
        { at: at(now, 45, 0.2), note: 'Bridge opened, commander named' },
        { at: at(now, 45, 1), note: 'Fail-over complete after 48 minutes' },
      ],
      findings: 'Fail-over took 48 minutes against 30; nobody owned the status page.',
      followUps: [
        { description: 'Automate the DNS switch', ownerId: technician, dueOn: day(now, -10) },
        { description: 'Name a status-page owner in the plan', ownerId: manager, dueOn: day(now, 14) },
      ],
    },
    'id',
  );
  await mutate<Plan>('reviseContingencyPlan', 'ReviseContingencyPlanInput', {
    planId: power.id,
    expectedVersion: power.version,
    ...POWER_PLAN,
    steps: [
      ...POWER_PLAN.steps,
      { action: 'Update the status page every 30 minutes', ownerRole: 'Communications', targetMinutes: 30 },
    ],
    changeNote: 'The fail-over drill found nobody owned the status page',
    drillId: drill.id,
  });
  await mutate('reviseContingencyPlan', 'ReviseContingencyPlanInput', {
    planId: breach.id,
    expectedVersion: breach.version,
    ...BREACH_PLAN,
    resources: ['Forensics retainer'],
    changeNote: 'Added the forensics retainer',
  });

  const { customers } = await client.data<{ customers: { edges: { node: { id: string; tier: string } }[] } }>(
    '{ customers(first: 30, filter: { text: "C-DEMO-" }) { edges { node { id tier } } } }',
  );
  const vip = customers.edges.find((edge) => edge.node.tier !== 'STANDARD')?.node.id;
  const standard = customers.edges.find((edge) => edge.node.tier === 'STANDARD')?.node.id;
  const affected = [vip, standard].filter((id): id is string => id !== undefined);

  type Incident = { id: string; version: number };
  const run = async (
    report: Record<string, unknown>,
    plan: { id: string; role: [string, string] },
    steps: number,
    review: boolean,
  ) => {
    let incident = await mutate<Incident>('reportIncident', 'ReportIncidentInput', report);
    incident = await mutate<Incident>('activateIncident', 'ActivateIncidentInput', {
      incidentId: incident.id,
      expectedVersion: incident.version,
      planId: plan.id,
      commanderId: manager,
      roles: [{ role: plan.role[0], employeeId: plan.role[1] }],
    });
    const path = ['containIncident', 'startIncidentRecovery', 'resolveIncident'].slice(0, steps);
    for (const field of path) {
      incident = await mutate<Incident>(field, 'IncidentStepInput', {
        incidentId: incident.id,
        expectedVersion: incident.version,
      });
    }
    if (!review) return;
    incident = await mutate<Incident>('recordIncidentReview', 'RecordIncidentReviewInput', {
      incidentId: incident.id,
      expectedVersion: incident.version,
      rootCause: 'A certificate on the load balancer expired; no alert watched its expiry.',
      lessons: 'Watch certificate expiry; rehearse the fail-over twice a year.',
      actionItems: [
        {
          description: 'Alert 30 days before a certificate expires',
          ownerId: technician,
          dueOn: day(now, 7),
        },
        { description: 'Second fail-over drill this half-year', ownerId: manager, dueOn: day(now, 60) },
      ],
    });
    await mutate('completeIncidentReview', 'CompleteIncidentReviewInput', {
      incidentId: incident.id,
      expectedVersion: incident.version,
    });
  };
  await run(
    {
      title: 'Customer portal down',
      nature: 'Every sign-in failed with a 502 for two hours',
      location: 'Primary data centre',
      category: 'TECHNICAL_FAILURE',
      severity: 'SEV2',
      occurredAt: at(now, 20),
      detectedAt: at(now, 20, 0.1),
      affectedCustomerIds: affected,
      affectedServices: ['Customer portal'],
    },
    { id: power.id, role: ['Communications', agent] },
    3,
    true,
  );
  await run(
    {
      title: 'Suspicious export of contact data',
      nature: 'An API key exported 3 000 contact records at night',
      category: 'DATA_BREACH',
      severity: 'SEV1',
      occurredAt: at(now, 12),
      affectedServices: ['Customer API'],
    },
    { id: breach.id, role: ['Security lead', technician] },
    3,
    false,
  );
  await run(
    {
      title: 'Hosting provider network degradation',
      nature: 'Packet loss between the sites slowed every page',
      category: 'TECHNICAL_FAILURE',
      severity: 'SEV3',
      occurredAt: at(now, 4),
      affectedServices: ['Customer portal', 'Agent console'],
    },
    { id: power.id, role: ['Technical lead', technician] },
    1,
    false,
  );
  log('emergencies: 5 risks, 2 plans (revised), 1 drill, 3 incidents');
}
