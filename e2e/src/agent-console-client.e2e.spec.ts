import { agentConsole, createClient, GraphQLRequestError } from '@opsgraph/client-agent-console';
import path from 'node:path';
import { graphClient } from './support/graph-client';
import { startStack, type Stack } from './support/stack';
import { signToken } from './support/tokens';
import { buildWorld, CONTACT, type World } from './support/world';

// The typed example client (libs/clients/agent-console) against the real graph: through a gateway in
// trusted-documents mode that runs only the client's persisted operations, and through the development gateway
// (automatic persisted queries), where the client registers its operations on first use.
const MANIFEST = path.resolve(
  __dirname,
  '..',
  '..',
  'libs',
  'clients',
  'agent-console',
  'src',
  'gql',
  'persisted-documents.json',
);

let stack: Stack;
let world: World;
let trustedUrl: string;
let agentToken: string;

beforeAll(async () => {
  stack = await startStack('e2e-agent-console');
  world = await buildWorld(stack);
  trustedUrl = await stack.startGateway({ TRUSTED_DOCUMENTS: MANIFEST });
  agentToken = await signToken({
    role: 'AGENT',
    employeeId: world.ids.agent,
    departmentId: world.ids.csDepartment,
  });
}, 180_000);

afterAll(() => stack?.stop());

async function agentFlow(url: string, subject: string) {
  const agent = agentConsole(createClient({ url, token: agentToken }));
  const customer = await agent.findCustomer('C-E2E-0001');
  expect(customer).toMatchObject({ id: world.ids.customerA, name: 'Jade Foods Co., Ltd.' });
  const opened = await agent.open({
    kind: 'FAULT',
    category: 'SYSTEM_FAULT',
    channel: 'HOTLINE',
    subject,
    description: 'Every sign-in fails with a 502 since 08:00.',
    customerId: customer!.id,
    departmentId: world.ids.csDepartment,
    urgency: 'HIGH',
    impact: 'MEDIUM',
    contact: { name: CONTACT.name, phone: CONTACT.phone },
  });
  expect(opened).toMatchObject({ status: 'NEW', subject });
  const acknowledged = await agent.acknowledge(opened);
  const assigned = await agent.assign(acknowledged, { assigneeId: world.ids.agent });
  expect(assigned.assignee).toEqual({ id: world.ids.agent, name: 'Huang Wei-lun' });
  const working = await agent.startWork(assigned);
  const resolved = await agent.resolve(
    working,
    'Restarted the sign-in service; confirmed with the customer.',
  );
  expect(resolved.status).toBe('RESOLVED');
  const page = await agent.ticket(resolved.id);
  expect(page).toMatchObject({ number: opened.number, status: 'RESOLVED', customer: { id: customer!.id } });
  const queue = await agent.queue({ first: 50 });
  expect(queue.edges.map((edge) => edge.node.id)).toContain(resolved.id);
  return resolved;
}

describe('the agent console client', () => {
  it('runs the whole agent flow with persisted operations only, through a trusted-documents gateway', async () => {
    await agentFlow(trustedUrl, 'Portal sign-in fails (trusted gateway)');
  });

  it('runs the same flow through the development gateway (APQ registers each operation once)', async () => {
    await agentFlow(stack.gatewayUrl, 'Portal sign-in fails (development gateway)');
  });

  it('the trusted gateway refuses an operation that is not on the list, and writes nothing', async () => {
    const before = await world.ticketCount();
    const outsider = graphClient(trustedUrl, agentToken);
    const reply = await outsider.request(
      'mutation ($input: OpenTicketInput!) { openTicket(input: $input) { id } }',
      {
        input: {
          kind: 'FAULT',
          channel: 'HOTLINE',
          subject: 'x',
          description: 'y',
          urgency: 'LOW',
          impact: 'LOW',
        },
      },
    );
    expect(reply.status).toBe(400);
    expect(reply.errors?.map((error) => error.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
    expect(await world.ticketCount()).toBe(before);
  });

  it('a stale version is answered with a client error code the typed client exposes', async () => {
    const agent = agentConsole(createClient({ url: trustedUrl, token: agentToken }));
    const [ticket] = (await agent.queue({ first: 1 })).edges.map((edge) => edge.node);
    const error = await agent
      .acknowledge({ id: ticket!.id, version: ticket!.version + 5 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphQLRequestError);
    expect((error as GraphQLRequestError).codes).toEqual(['CONFLICT']);
  });
});
