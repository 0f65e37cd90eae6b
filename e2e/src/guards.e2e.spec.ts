import { waitFor } from '@opsgraph/testing';
import { randomUUID } from 'node:crypto';
import { graphClient } from './support/graph-client';
import { SERVICE_NAMES, startStack, type Stack } from './support/stack';
import { buildWorld, CONTACT, type World } from './support/world';

// What the whole stack refuses: callers without the right (through the gateway and around it) and bad input.
let stack: Stack;
let world: World;
let ticketOfA: string;
let ticketOfB: string;

beforeAll(async () => {
  stack = await startStack('e2e-guards');
  world = await buildWorld(stack);
  ticketOfA = (await world.openTicket(world.ids.customerA)).id;
  ticketOfB = (await world.openTicket(world.ids.customerB, { contact: null })).id;
}, 180_000);

afterAll(() => stack?.stop());

const TICKETS = '{ tickets(first: 50) { totalCount edges { node { id customer { id } } } } }';
type TicketList = {
  tickets: { totalCount: number; edges: { node: { id: string; customer: { id: string } } }[] };
};

const codes = (errors?: { extensions?: { code?: string } }[]) =>
  (errors ?? []).map((error) => error.extensions?.code);

describe('access', () => {
  it('a CUSTOMER sees only its own tickets', async () => {
    const { tickets } = await world.customerB.data<TicketList>(TICKETS);
    expect(tickets.totalCount).toBe(1);
    expect(tickets.edges.map((edge) => edge.node)).toEqual([
      { id: ticketOfB, customer: { id: world.ids.customerB } },
    ]);
    const other = await world.customerB.request<{ ticket: unknown }>(
      'query ($id: ID!) { ticket(id: $id) { id } }',
      {
        id: ticketOfA,
      },
    );
    expect(other.data?.ticket ?? null).toBeNull();
  });

  it('masks contact data for roles without the right, and shows it to those with it', async () => {
    const query = `query ($id: ID!) { ticket(id: $id) {
      contact { name phone email }
      customer { contacts { name phone email masked } }
    } }`;
    const asAgent = await world.agent.data<{
      ticket: { contact: Record<string, string>; customer: { contacts: Record<string, unknown>[] } };
    }>(query, { id: ticketOfA });
    expect(asAgent.ticket.contact).toEqual({
      name: CONTACT.name,
      phone: CONTACT.phone,
      email: CONTACT.email,
    });
    expect(asAgent.ticket.customer.contacts[0]).toMatchObject({
      phone: CONTACT.phone,
      email: CONTACT.email,
      masked: false,
    });

    const asAnalyst = await world.analyst.data<typeof asAgent>(query, { id: ticketOfA });
    expect(asAnalyst.ticket.customer.contacts[0].masked).toBe(true);
    expect(asAnalyst.ticket.customer.contacts[0].phone).not.toBe(CONTACT.phone);
    expect(asAnalyst.ticket.customer.contacts[0].email).not.toBe(CONTACT.email);
    expect(asAnalyst.ticket.contact.phone).not.toBe(CONTACT.phone);
    expect(asAnalyst.ticket.contact.email).not.toBe(CONTACT.email);
  });

  it('answers 401 UNAUTHENTICATED without a token', async () => {
    const reply = await graphClient(stack.gatewayUrl).request(TICKETS);
    expect(reply.status).toBe(401);
    expect(codes(reply.errors)).toEqual(['UNAUTHENTICATED']);
  });

  it('ignores claim headers forged by the client', async () => {
    const reply = await world.customerB.request<TicketList>(TICKETS, undefined, {
      'x-opsgraph-role': 'ADMIN',
      'x-opsgraph-user-id': 'admin',
      'x-opsgraph-customer-id': world.ids.customerA,
      'x-opsgraph-gateway-secret': 'local-dev-gateway-secret',
    });
    expect(reply.data?.tickets.totalCount).toBe(1);
    expect(reply.data?.tickets.edges[0].node.customer.id).toBe(world.ids.customerB);
  });

  it.each(SERVICE_NAMES)(
    'the %s subgraph called directly without the gateway secret answers 401',
    async (name) => {
      const reply = await graphClient(stack.services[name].url).request('{ __typename }', undefined, {
        'x-opsgraph-role': 'ADMIN',
        'x-opsgraph-user-id': 'intruder',
      });
      expect(reply.status).toBe(401);
      expect(codes(reply.errors)).toEqual(['UNAUTHENTICATED']);
    },
  );
});

describe('bad input: a clear coded error, and nothing written', () => {
  let before: number;
  beforeEach(async () => {
    before = await world.ticketCount();
  });
  afterEach(async () => {
    expect(await world.ticketCount()).toBe(before);
  });

  const OPEN_INPUT = {
    kind: 'CONSULTATION',
    channel: 'WEB',
    subject: 'How long does a refund take?',
    description: 'Asked on the website.',
    urgency: 'LOW',
    impact: 'LOW',
  };

  it('refuses a query 30 levels deep before planning it', async () => {
    const nested = `assignee { department { manager { ${'department { manager { '.repeat(13)}name${' } }'.repeat(13)} } } }`;
    const reply = await world.admin.request(
      `mutation ($input: OpenTicketInput!) { openTicket(input: $input) { id ${nested} } }`,
      { input: { ...OPEN_INPUT, customerId: world.ids.customerA } },
    );
    expect(reply.status).toBe(400);
    expect(reply.errors?.[0].extensions).toMatchObject({
      code: 'QUERY_LIMIT_EXCEEDED',
      limit: 'depth',
      max: 12,
    });
    expect(reply.errors?.[0].extensions?.actual).toBeGreaterThanOrEqual(30);
  });

  it('refuses 1,000 aliases', async () => {
    const fields = Array.from({ length: 1_000 }, (_, i) => `t${i}: openTicket(input: $input) { id }`).join(
      '\n',
    );
    const reply = await world.admin.request(`mutation ($input: OpenTicketInput!) { ${fields} }`, {
      input: { ...OPEN_INPUT, customerId: world.ids.customerA },
    });
    expect(reply.status).toBe(400);
    // 1,000 aliased fields are also more than 2,000 tokens: the parser's limit trips first.
    expect(reply.errors?.[0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED' });
    expect(['aliases', 'tokens']).toContain(reply.errors?.[0].extensions?.limit);

    const fewer = Array.from({ length: 31 }, (_, i) => `t${i}: openTicket(input: $input) { id }`).join('\n');
    const aliases = await world.admin.request(`mutation ($input: OpenTicketInput!) { ${fewer} }`, {
      input: { ...OPEN_INPUT, customerId: world.ids.customerA },
    });
    expect(aliases.errors?.[0].extensions).toMatchObject({
      code: 'QUERY_LIMIT_EXCEEDED',
      limit: 'aliases',
      actual: 31,
    });
  });

  it('answers a 10 MB body with 413', async () => {
    const reply = await world.admin.request(
      'mutation ($input: OpenTicketInput!) { openTicket(input: $input) { id } }',
      {
        input: { ...OPEN_INPUT, customerId: world.ids.customerA, description: 'x'.repeat(10 * 1024 * 1024) },
      },
    );
    expect(reply.status).toBe(413);
    expect(codes(reply.errors)).toEqual(['PAYLOAD_TOO_LARGE']);
  });

  it('refuses an invalid enum value', async () => {
    const reply = await world.admin.request(
      'mutation ($input: OpenTicketInput!) { openTicket(input: $input) { id } }',
      {
        input: { ...OPEN_INPUT, customerId: world.ids.customerA, kind: 'EMERGENCY' },
      },
    );
    expect(reply.status).toBe(400);
    expect(codes(reply.errors)).toEqual(['BAD_USER_INPUT']);
    expect(reply.errors?.[0].message).toMatch(/EMERGENCY/);
  });

  it('answers an unknown id with NOT_FOUND', async () => {
    const unknown = randomUUID();
    const acknowledge = await world.admin.request(
      'mutation ($input: AcknowledgeTicketInput!) { acknowledgeTicket(input: $input) { id } }',
      { input: { ticketId: unknown, expectedVersion: 1 } },
    );
    expect(codes(acknowledge.errors)).toEqual(['NOT_FOUND']);
    const customer = await world.admin.request('query ($id: ID!) { customer(id: $id) { name } }', {
      id: unknown,
    });
    expect(codes(customer.errors)).toEqual(['NOT_FOUND']);
  });
});

describe('a subgraph that is down degrades only its own fields', () => {
  type Listed = {
    tickets: {
      totalCount: number;
      edges: { node: { id: string; customer: { id: string; name: string } | null } }[];
    };
  };
  const LISTED = '{ tickets(first: 50) { totalCount edges { node { id customer { id name } } } } }';
  type Customer = { customer: { name: string; tickets: { totalCount: number } | null } };
  const CUSTOMER = 'query ($id: ID!) { customer(id: $id) { name tickets(first: 5) { totalCount } } }';

  afterAll(async () => {
    // Whatever happened above, the next suites in this file find the whole stack.
    await stack.startService('customer');
    await stack.startService('ticket');
  });

  it('customer down: tickets still list, each with customer null and an error; all back once it is up again', async () => {
    await stack.stopService('customer');
    const degraded = await world.agent.request<Listed>(LISTED);
    expect(degraded.status).toBe(200);
    expect(degraded.data?.tickets.totalCount).toBe(2);
    expect(
      degraded.data?.tickets.edges.map((edge) => edge.node).sort((a, b) => a.id.localeCompare(b.id)),
    ).toEqual([ticketOfA, ticketOfB].sort().map((id) => ({ id, customer: null })));
    expect(codes(degraded.errors)).toContain('SUBGRAPH_UNAVAILABLE');

    await stack.startService('customer');
    const healed = await waitFor(
      () => world.agent.request<Listed>(LISTED),
      (reply) => !reply.errors && (reply.data?.tickets.edges ?? []).every((edge) => edge.node.customer?.name),
      { timeoutMs: 30_000, intervalMs: 250, what: 'the customers back in the ticket list' },
    );
    expect(healed.data?.tickets.totalCount).toBe(2);
  });

  it('ticket down: a customer still answers, with its ticket list null and an error', async () => {
    await stack.stopService('ticket');
    const degraded = await world.agent.request<Customer>(CUSTOMER, { id: world.ids.customerA });
    expect(degraded.status).toBe(200);
    expect(degraded.data?.customer).toEqual({ name: 'Jade Foods Co., Ltd.', tickets: null });
    expect(codes(degraded.errors)).toContain('SUBGRAPH_UNAVAILABLE');

    await stack.startService('ticket');
    const healed = await waitFor(
      () => world.agent.request<Customer>(CUSTOMER, { id: world.ids.customerA }),
      (reply) => !reply.errors && reply.data?.customer.tickets !== null,
      { timeoutMs: 30_000, intervalMs: 250, what: 'the customer’s tickets back' },
    );
    expect(healed.data?.customer.tickets?.totalCount).toBe(1);
  });
});
