import { waitFor } from '@opsgraph/testing';
import { change, type Step } from './support/mutations';
import { startStack, type Stack } from './support/stack';
import { buildWorld, type World } from './support/world';

// The graph as one product: queries that cross the ticket, customer and HR subgraphs (docs/product.md §8), and a ticket's
// life through the gateway whose events reach the customer's service history and the employee's KPI.
let stack: Stack;
let world: World;

beforeAll(async () => {
  stack = await startStack('e2e-flows');
  world = await buildWorld(stack);
}, 180_000);

afterAll(() => stack?.stop());

describe('a ticket through its life, and what the other domains learn from it', () => {
  let ticket: Step;

  it('opens → acknowledges → assigns → starts → resolves through the gateway', async () => {
    const opened = await world.openTicket(world.ids.customerA);
    expect(opened.number).toMatch(/^TCK-\d{6,}$/);
    ticket = { ...opened, status: 'NEW' };
    const next = (mutation: string, input: Record<string, unknown> = {}) =>
      change(world.agent, mutation, { ticketId: ticket.id, expectedVersion: ticket.version, ...input });
    ticket = await next('acknowledgeTicket');
    expect(ticket.status).toBe('ACKNOWLEDGED');
    ticket = await next('assignTicket', {
      assigneeId: world.ids.agent,
      departmentId: world.ids.csDepartment,
    });
    expect(ticket.status).toBe('ASSIGNED');
    ticket = await next('startTicketWork');
    expect(ticket.status).toBe('IN_PROGRESS');
    ticket = await next('resolveTicket', {
      resolutionSummary: 'A certificate had expired; renewed and verified.',
    });
    expect(ticket.status).toBe('RESOLVED');
  });

  it('takes the customer’s satisfaction survey', async () => {
    ticket = await change(world.customerA, 'submitTicketSurvey', {
      ticketId: ticket.id,
      expectedVersion: ticket.version,
      overall: 5,
      quality: 5,
      efficiency: 4,
      communication: 5,
      comment: 'Fixed within the hour.',
    });
    const { ticket: read } = await world.agent.data<{ ticket: { survey: { overall: number } } }>(
      'query ($id: ID!) { ticket(id: $id) { survey { overall } } }',
      { id: ticket.id },
    );
    expect(read.survey.overall).toBe(5);
  });

  it('shows it in the customer’s service history within a bounded wait', async () => {
    const history = await waitFor(
      async () =>
        (
          await world.agent.data<{ customer: { serviceHistory: Record<string, unknown> } }>(
            'query ($id: ID!) { customer(id: $id) { serviceHistory { ticketsTotal ticketsOpen surveysAnswered averageSatisfaction lastContactAt } } }',
            { id: world.ids.customerA },
          )
        ).customer.serviceHistory,
      (value) => value.surveysAnswered === 1 && value.ticketsOpen === 0,
      { timeoutMs: 30_000, intervalMs: 250, what: 'the customer’s service history' },
    );
    expect(history).toMatchObject({
      ticketsTotal: 1,
      ticketsOpen: 0,
      surveysAnswered: 1,
      averageSatisfaction: 5,
    });
    expect(history.lastContactAt).toEqual(expect.any(String));
  });

  it('shows it in the assignee’s KPI figures within a bounded wait', async () => {
    const kpi = await waitFor(
      async () =>
        (
          await world.manager.data<{ employee: { kpi: Record<string, unknown> | null } }>(
            'query ($id: ID!) { employee(id: $id) { kpi { ticketsHandled ticketsResolved resolutionRate surveyCount averageSatisfaction firstResponse { count } } } }',
            { id: world.ids.agent },
          )
        ).employee.kpi,
      (value) => value?.surveyCount === 1,
      { timeoutMs: 30_000, intervalMs: 250, what: 'the employee’s KPI figures' },
    );
    expect(kpi).toMatchObject({
      ticketsHandled: 1,
      ticketsResolved: 1,
      resolutionRate: 1,
      surveyCount: 1,
      averageSatisfaction: 5,
      firstResponse: { count: 1 },
    });
  });
});

describe('cross-domain queries (docs/product.md §8)', () => {
  let ticketId: string;
  beforeAll(async () => {
    const opened = await world.openTicket(world.ids.customerA, { kind: 'SERVICE_REQUEST', category: null });
    const acknowledged = await change(world.agent, 'acknowledgeTicket', {
      ticketId: opened.id,
      expectedVersion: opened.version,
    });
    await change(world.agent, 'assignTicket', {
      ticketId: opened.id,
      expectedVersion: acknowledged.version,
      assigneeId: world.ids.agent,
    });
    ticketId = opened.id;
  });

  it('ticket → customer (tier, contacts) → the customer’s service history', async () => {
    const { ticket } = await world.manager.data<{ ticket: Record<string, unknown> }>(
      `query ($id: ID!) { ticket(id: $id) {
         number
         customer { name tier contacts { name phone masked } serviceHistory { ticketsTotal ticketsOpen } }
       } }`,
      { id: ticketId },
    );
    expect(ticket).toMatchObject({
      customer: {
        name: 'Jade Foods Co., Ltd.',
        tier: 'VIP',
        contacts: [{ name: 'Chen Mei-ling', phone: '+886912345678', masked: false }],
        serviceHistory: { ticketsTotal: expect.any(Number), ticketsOpen: expect.any(Number) },
      },
    });
  });

  it('ticket → assignee → department → manager', async () => {
    const { ticket } = await world.agent.data<{ ticket: Record<string, unknown> }>(
      'query ($id: ID!) { ticket(id: $id) { assignee { name position department { code name manager { name position } } } } }',
      { id: ticketId },
    );
    expect(ticket).toEqual({
      assignee: {
        name: 'Huang Wei-lun',
        position: 'CS_SPECIALIST',
        department: {
          code: 'CS',
          name: 'Customer Service',
          manager: { name: 'Wang Ya-ting', position: 'OPS_MANAGER' },
        },
      },
    });
  });

  it('employee → KPI figures, and the employee’s tickets from the ticket subgraph', async () => {
    const { employee } = await world.manager.data<{ employee: Record<string, unknown> }>(
      `query ($id: ID!) { employee(id: $id) {
         name
         kpi { period live ticketsHandled }
         assignedTickets(first: 10) { totalCount edges { node { number } } }
       } }`,
      { id: world.ids.agent },
    );
    expect(employee).toMatchObject({
      name: 'Huang Wei-lun',
      kpi: { period: expect.stringMatching(/^\d{4}-\d{2}$/), live: true, ticketsHandled: expect.any(Number) },
      assignedTickets: { totalCount: 2 },
    });
  });
});
