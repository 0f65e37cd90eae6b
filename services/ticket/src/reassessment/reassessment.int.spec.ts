// reassessTicket on real PostgreSQL and Kafka (docs/product.md §11.5).
import { as, change, mutation, openTicket, type TicketView } from '../test-support/fixtures';
import { startTicketHarness, type TicketHarness } from '../test-support/ticket-harness';

let harness: TicketHarness;
beforeAll(async () => {
  harness = await startTicketHarness('ticket-reassess', { env: { RUN_SLA_SCANNER: 'false' } });
});
afterAll(() => harness?.stop());

const ref = (ticket: TicketView) => ({ ticketId: ticket.id, expectedVersion: ticket.version });
const HOUR = 3_600_000;

it('recomputes priority and SLA deadlines, audits the change and publishes ticket.reassessed', async () => {
  const opened = await openTicket(harness, {
    urgency: 'MEDIUM',
    impact: 'MEDIUM',
    category: 'FUNCTION_ANOMALY',
  });
  expect(opened.priority).toBe('P3');
  const ticket = await change(
    harness,
    'reassessTicket',
    'ReassessTicketInput',
    {
      ...ref(opened),
      urgency: 'HIGH',
      impact: 'HIGH',
      category: 'SYSTEM_FAULT',
      reason: 'All branches affected',
    },
    as.agent,
  );
  expect(ticket).toMatchObject({ priority: 'P1', category: 'SYSTEM_FAULT', version: opened.version + 1 });
  const started = Date.parse(opened.createdAt);
  expect(Date.parse(ticket.sla.responseDueAt) - started).toBe(0.25 * HOUR);
  expect(Date.parse(ticket.sla.resolutionDueAt) - started).toBe(4 * HOUR);

  const [audit] = await harness.sql<{ changes: { details: Record<string, unknown> } }>(
    `select changes from audit_log where aggregate_id::text = $1 and action = 'REASSESS'`,
    [ticket.id],
  );
  expect(audit.changes.details).toEqual({
    previous: { category: 'FUNCTION_ANOMALY', urgency: 'MEDIUM', impact: 'MEDIUM', priority: 'P3' },
    current: { category: 'SYSTEM_FAULT', urgency: 'HIGH', impact: 'HIGH', priority: 'P1' },
    reason: 'All branches affected',
  });
  const events = await harness.eventsOf(ticket.id, 2);
  expect(events[1]).toMatchObject({
    type: 'ticket.reassessed',
    data: {
      priority: 'P1',
      current: { priority: 'P1' },
      previous: { priority: 'P3' },
      reason: 'All branches affected',
    },
  });
  expect(harness.invalidEvents).toEqual([]);
  // The audit trail reads back through the graph (its enum is the same list the audit lines are typed by).
  const { ticket: read } = await harness.data<{ ticket: { history: { action: string }[] } }>(
    'query ($id: ID!) { ticket(id: $id) { history { action } } }',
    { id: ticket.id },
    as.manager,
  );
  expect(read.history.map((entry) => entry.action)).toEqual(['OPEN', 'REASSESS']);
});

it('refuses no change, a category for a complaint, and a customer; nothing is written', async () => {
  const opened = await openTicket(harness, { kind: 'COMPLAINT', category: null });
  const count = async () =>
    (
      await harness.sql<{ n: number }>(
        'select count(*)::int as n from audit_log where aggregate_id::text = $1',
        [opened.id],
      )
    )[0].n;
  const before = await count();
  const attempt = async (input: Record<string, unknown>, claims = as.manager) =>
    (
      await harness.gql(
        mutation('reassessTicket', 'ReassessTicketInput'),
        { input: { ...ref(opened), reason: 'x', ...input } },
        claims,
      )
    ).errors?.[0]?.extensions;
  expect(await attempt({ urgency: 'HIGH' }, as.customerA)).toMatchObject({ code: 'FORBIDDEN' });
  expect(await attempt({})).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
  expect(await attempt({ category: 'DATA_ISSUE' })).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'input.category',
  });
  expect(await count()).toBe(before);
});
