import { waitFor } from '@opsgraph/testing';
import { startStack, type Stack } from './support/stack';
import { buildWorld, type World } from './support/world';

// Emergencies across the graph (docs/product.md §5, §7): an incident declared through the gateway reaches the
// ticket service (fan-out: SLA clocks paused with the reason INCIDENT, resumed on resolution), and its impact is one
// query from the incident to the affected assets, their open tickets, the customers and the people handling them.
let stack: Stack;
let world: World;

beforeAll(async () => {
  stack = await startStack('e2e-incidents');
  world = await buildWorld(stack);
}, 180_000);

afterAll(() => stack?.stop());

type Incident = { id: string; version: number; status: string };
const OPEN = '[NEW, ACKNOWLEDGED, ASSIGNED, IN_PROGRESS, PENDING_CUSTOMER, REOPENED]';
const SLA = `query ($id: ID!) { ticket(id: $id) {
  incident { id } sla { paused } slaHold { reason incident { id } } history { action details } } }`;

interface TicketSla {
  incident: { id: string } | null;
  sla: { paused: boolean };
  slaHold: { reason: string; incident: { id: string } } | null;
  history: { action: string; details: Record<string, unknown> }[];
}

describe('an incident declared through the graph', () => {
  let asset: string;
  let vipTicket: { id: string; version: number };
  let incident: Incident;

  const step = async (
    mutation: string,
    extra: Record<string, unknown> = {},
    inputType = 'IncidentStepInput',
  ) => {
    const reply = await world.manager.data<Record<string, Incident>>(
      `mutation ($input: ${inputType}!) { result: ${mutation}(input: $input) { id version status } }`,
      { input: { incidentId: incident.id, expectedVersion: incident.version, ...extra } },
    );
    incident = reply.result;
    return incident;
  };
  const sla = async (id: string) => (await world.manager.data<{ ticket: TicketSla }>(SLA, { id })).ticket;

  beforeAll(async () => {
    const { registerAsset } = await world.admin.data<{ registerAsset: { id: string } }>(
      'mutation { registerAsset(input: { name: "North pumping station", category: POWER, model: "PS-400" }) { id } }',
    );
    asset = registerAsset.id;
    // The VIP's ticket about the asset, assigned to the agent of Customer Service (managed by the OPS manager).
    const opened = await world.openTicket(world.ids.customerA, { assetId: asset });
    const { assignTicket } = await world.agent.data<{ assignTicket: { id: string; version: number } }>(
      'mutation ($input: AssignTicketInput!) { assignTicket(input: $input) { id version } }',
      {
        input: {
          ticketId: opened.id,
          expectedVersion: opened.version,
          assigneeId: world.ids.agent,
          departmentId: world.ids.csDepartment,
        },
      },
    );
    vipTicket = assignTicket;
    await world.openTicket(world.ids.customerB, { assetId: asset });
  });

  it('pauses the SLA of an affected customer’s open ticket on activation, with the reason INCIDENT', async () => {
    const { createContingencyPlan: plan } = await world.manager.data<{
      createContingencyPlan: { id: string };
    }>(`mutation ($input: CreateContingencyPlanInput!) { createContingencyPlan(input: $input) { id } }`, {
      input: {
        category: 'TECHNICAL_FAILURE',
        severity: 'SEV2',
        title: 'Power loss at a station',
        commandRoles: ['Commander', 'Communications'],
        steps: [{ action: 'Switch to the generator', ownerRole: 'Commander', targetMinutes: 15 }],
      },
    });
    const { reportIncident } = await world.agent.data<{ reportIncident: Incident }>(
      `mutation ($input: ReportIncidentInput!) { reportIncident(input: $input) { id version status } }`,
      {
        input: {
          title: 'North station power failure',
          nature: 'Mains power lost; pumps stopped',
          category: 'TECHNICAL_FAILURE',
          severity: 'SEV2',
          occurredAt: new Date(Date.now() - 600_000).toISOString(),
          affectedAssetIds: [asset],
          affectedCustomerIds: [world.ids.customerB, world.ids.customerA],
          keyAccountIds: [world.ids.customerA],
        },
      },
    );
    incident = reportIncident;
    await step(
      'activateIncident',
      {
        planId: plan.id,
        commanderId: world.ids.manager,
        roles: [{ role: 'Communications', employeeId: world.ids.agent }],
      },
      'ActivateIncidentInput',
    );
    expect(incident.status).toBe('ACTIVATED');

    const held = await waitFor(
      () => sla(vipTicket.id),
      (ticket) => ticket.sla.paused,
      { timeoutMs: 30_000, intervalMs: 250, what: 'the fan-out to pause the ticket’s SLA' },
    );
    expect(held.incident).toEqual({ id: incident.id });
    expect(held.slaHold).toEqual({ reason: 'INCIDENT', incident: { id: incident.id } });
    expect(held.history.at(-1)).toMatchObject({
      action: 'INCIDENT_HOLD',
      details: { reason: 'INCIDENT', incidentId: incident.id },
    });
  });

  it('answers the impact in one query: assets → open tickets → customers and the people handling them', async () => {
    type Impact = {
      incident: {
        affectedAssets: {
          id: string;
          tickets: {
            edges: {
              node: {
                customer: { id: string; tier: string };
                assignee: { id: string; department: { manager: { id: string } | null } } | null;
              };
            }[];
          };
        }[];
        affectedCustomers: { id: string; tier: string }[];
      };
    };
    const { incident: impact } = await world.manager.data<Impact>(
      `query ($id: ID!) { incident(id: $id) {
        affectedAssets { id tickets(first: 20, filter: { status: ${OPEN} }) { edges { node {
          customer { id tier } assignee { id department { manager { id } } } } } } }
        affectedCustomers(keyAccountsFirst: true) { id tier } } }`,
      { id: incident.id },
    );
    expect(impact.affectedCustomers).toEqual([
      { id: world.ids.customerA, tier: 'VIP' },
      { id: world.ids.customerB, tier: expect.any(String) },
    ]);
    const [onAsset] = impact.affectedAssets;
    expect(onAsset!.id).toBe(asset);
    const nodes = onAsset!.tickets.edges.map((edge) => edge.node);
    expect(nodes).toHaveLength(2);
    expect(nodes).toContainEqual({
      customer: { id: world.ids.customerA, tier: 'VIP' },
      assignee: { id: world.ids.agent, department: { manager: { id: world.ids.manager } } },
    });
    expect(nodes).toContainEqual({
      customer: { id: world.ids.customerB, tier: expect.any(String) },
      assignee: null,
    });
  });

  it('resumes the clock when the incident resolves', async () => {
    await step('containIncident');
    await step('startIncidentRecovery');
    await step('resolveIncident', { note: 'Mains power restored' });
    expect(incident.status).toBe('RESOLVED');
    const released = await waitFor(
      () => sla(vipTicket.id),
      (ticket) => !ticket.sla.paused,
      { timeoutMs: 30_000, intervalMs: 250, what: 'the fan-out to resume the ticket’s SLA' },
    );
    expect(released.history.at(-1)).toMatchObject({ action: 'INCIDENT_RELEASE' });
    expect(released.slaHold).toBeNull();
  });
});
