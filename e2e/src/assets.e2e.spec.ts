import { waitFor } from '@opsgraph/testing';
import { GraphError, type GraphClient } from './support/graph-client';
import { startStack, type Stack } from './support/stack';
import { buildWorld, type World } from './support/world';

// The asset subgraph in the one graph (docs/product.md §4.1, §8): an asset's custodian → department → manager from
// hr-performance; a FAULT ticket about the asset marks it FAULTY (ticket topic → asset projection), its open fault
// tickets and their customers come from the ticket and customer subgraphs; and who may do what with assets.
let stack: Stack;
let world: World;
let technician: GraphClient;
let assetId: string;

beforeAll(async () => {
  stack = await startStack('e2e-assets');
  world = await buildWorld(stack);
  technician = await world.as({ role: 'TECHNICIAN', sub: 'e2e-technician' });
  const { registerAsset } = await world.admin.data<{ registerAsset: { id: string } }>(
    `mutation ($input: RegisterAssetInput!) { registerAsset(input: $input) { id } }`,
    {
      input: {
        name: 'Front-desk workstation 3',
        category: 'WORKSTATION',
        model: 'OptiPlex 7010',
        configuration: { cpu: 'i5-13500', memoryGb: 16, os: 'Windows 11' },
        purchaseDate: '2023-04-01',
        purchaseCost: 6400,
        inServiceSince: '2023-04-10',
        custodianId: world.ids.agent,
        departmentId: world.ids.csDepartment,
      },
    },
  );
  assetId = registerAsset.id;
}, 180_000);

afterAll(() => stack?.stop());

type Step = { id: string; version: number };
async function step(mutation: string, input: Record<string, unknown>): Promise<Step> {
  const inputType = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
  const reply = await world.manager.data<Record<string, Step>>(
    `mutation ($input: ${inputType}!) { result: ${mutation}(input: $input) { id version } }`,
    { input },
  );
  return reply.result;
}

const statusOf = async (): Promise<string> =>
  (
    await world.agent.data<{ asset: { status: string } }>('query ($id: ID!) { asset(id: $id) { status } }', {
      id: assetId,
    })
  ).asset.status;

describe('assets across the graph', () => {
  it('asset → custodian → department → manager, and the department’s and employee’s assets', async () => {
    const { asset } = await world.agent.data<{ asset: Record<string, unknown> }>(
      `query ($id: ID!) { asset(id: $id) {
         tag custodian { name department { name manager { name } } } department { code }
       } }`,
      { id: assetId },
    );
    expect(asset).toEqual({
      tag: expect.stringMatching(/^AST-\d{6}$/),
      custodian: {
        name: 'Huang Wei-lun',
        department: { name: 'Customer Service', manager: { name: 'Wang Ya-ting' } },
      },
      department: { code: 'CS' },
    });
    const lists = await world.manager.data<{
      employee: { assets: { totalCount: number } };
      department: { assets: { edges: { node: { id: string } }[] } };
    }>(
      `query ($employee: ID!, $department: ID!) {
         employee(id: $employee) { assets { totalCount } }
         department(id: $department) { assets(filter: { category: [WORKSTATION] }) { edges { node { id } } } } }`,
      { employee: world.ids.agent, department: world.ids.csDepartment },
    );
    expect(lists.employee.assets.totalCount).toBe(1);
    expect(lists.department.assets.edges).toEqual([{ node: { id: assetId } }]);
  });

  let ticket: Step;
  it('a FAULT ticket about the asset makes it FAULTY; asset → open fault tickets → customer', async () => {
    ticket = await world.openTicket(world.ids.customerA, { assetId, subject: 'Workstation 3 does not boot' });
    await waitFor(statusOf, (status) => status === 'FAULTY', {
      timeoutMs: 30_000,
      intervalMs: 250,
      what: 'the asset FAULTY',
    });
    const { asset } = await world.agent.data<{ asset: Record<string, unknown> }>(
      `query ($id: ID!) { asset(id: $id) {
         faults { ticketId status }
         tickets(filter: { kind: [FAULT], status: [NEW, ACKNOWLEDGED, ASSIGNED, IN_PROGRESS, PENDING_CUSTOMER, REOPENED] }) {
           edges { node { id customer { name } } } }
       } }`,
      { id: assetId },
    );
    expect(asset).toEqual({
      faults: [{ ticketId: ticket.id, status: 'REPORTED' }],
      tickets: { edges: [{ node: { id: ticket.id, customer: { name: 'Jade Foods Co., Ltd.' } } }] },
    });
  });

  it('resolving the ticket repairs the fault and puts the asset back IN_USE', async () => {
    const next = async (mutation: string, input: Record<string, unknown> = {}) => {
      ticket = await step(mutation, { ticketId: ticket.id, expectedVersion: ticket.version, ...input });
    };
    await next('acknowledgeTicket');
    await next('assignTicket', { assigneeId: world.ids.agent, departmentId: world.ids.csDepartment });
    await next('startTicketWork');
    await next('resolveTicket', { resolutionSummary: 'Replaced the power supply.' });
    await waitFor(statusOf, (status) => status === 'IN_USE', {
      timeoutMs: 30_000,
      intervalMs: 250,
      what: 'the asset IN_USE',
    });
  });
});

describe('access to assets per role', () => {
  const REGISTER = `mutation { registerAsset(input: { name: "Spare", category: OTHER, model: "Generic" }) { id } }`;
  const REPORT = `mutation ($id: ID!) { reportFault(input: { assetId: $id, description: "Screen flickers", reportedAt: "2025-01-02T00:00:00Z", repairedAt: "2025-01-02T02:00:00Z" }) { id } }`;
  const codeOf = async (client: GraphClient, query: string, variables: Record<string, unknown> = {}) => {
    try {
      await client.data(query, variables);
      return 'OK';
    } catch (error) {
      return (error as GraphError).codes[0];
    }
  };

  it('ADMIN and OPS managers register; TECHNICIAN records faults but may not register; others read; CUSTOMER nothing', async () => {
    const director = await world.as({ role: 'OPS_DIRECTOR', sub: 'e2e-director' });
    expect(await codeOf(world.admin, REGISTER)).toBe('OK');
    expect(await codeOf(world.manager, REGISTER)).toBe('OK');
    expect(await codeOf(director, REGISTER)).toBe('OK');
    expect(await codeOf(technician, REGISTER)).toBe('FORBIDDEN');
    expect(await codeOf(world.agent, REGISTER)).toBe('FORBIDDEN');
    expect(await codeOf(technician, REPORT, { id: assetId })).toBe('OK');
    expect(await codeOf(world.agent, REPORT, { id: assetId })).toBe('FORBIDDEN');
    const READ = '{ assets(first: 1) { totalCount } }';
    for (const reader of [world.agent, world.analyst, technician])
      expect(await codeOf(reader, READ)).toBe('OK');
    expect(await codeOf(world.customerA, READ)).toBe('FORBIDDEN');
    expect(await codeOf(world.customerA, REGISTER)).toBe('FORBIDDEN');
  });
});
