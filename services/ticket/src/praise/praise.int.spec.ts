// PRAISE tickets credited to employees on real PostgreSQL and Kafka (docs/product.md §11.7).
import { randomUUID } from 'node:crypto';
import { as, change, ids, mutation, openTicket, type TicketView } from '../test-support/fixtures';
import { startTicketHarness, type TicketHarness } from '../test-support/ticket-harness';

let harness: TicketHarness;
beforeAll(async () => {
  harness = await startTicketHarness('ticket-praise', { env: { RUN_SLA_SCANNER: 'false' } });
});
afterAll(() => harness?.stop());

const ref = (ticket: TicketView) => ({ ticketId: ticket.id, expectedVersion: ticket.version });
const praise = { kind: 'PRAISE', category: null, subject: 'Thank you, Huang', urgency: 'LOW', impact: 'LOW' };

it('a customer’s praise is credited by a manager to employees, published with their ids', async () => {
  const opened = await openTicket(harness, { ...praise, customerId: undefined, departmentId: undefined }, as.customerA);
  expect(opened.kind).toBe('PRAISE');
  const credited = await change(harness, 'creditPraise', 'CreditPraiseInput', {
    ...ref(opened),
    employeeIds: [ids.techEmployee, ids.agentEmployee, ids.agentEmployee],
  });
  const { ticket } = await harness.data<{ ticket: { praisedEmployees: { id: string }[] } }>(
    'query($id: ID!) { ticket(id: $id) { praisedEmployees { id } } }',
    { id: opened.id },
    as.manager,
  );
  const expected = [ids.agentEmployee, ids.techEmployee].sort();
  expect(ticket.praisedEmployees.map((employee) => employee.id)).toEqual(expected);
  const events = await harness.eventsOf(opened.id, 2);
  expect(events[1]).toMatchObject({
    type: 'ticket.praise_credited',
    aggregateVersion: credited.version,
    data: { kind: 'PRAISE', employeeIds: expected, previousEmployeeIds: [] },
  });
  expect(harness.invalidEvents).toEqual([]);
});

it('refuses an unknown employee, another kind, the same credit again and non-managers; nothing is written', async () => {
  const opened = await openTicket(harness, praise);
  const fault = await openTicket(harness);
  await change(harness, 'creditPraise', 'CreditPraiseInput', { ...ref(opened), employeeIds: [ids.agentEmployee] });
  const current = { ...opened, version: opened.version + 1 };
  const audit = async () =>
    (await harness.sql<{ n: number }>(`select count(*)::int as n from audit_log where action = 'CREDIT_PRAISE'`))[0].n;
  const before = await audit();
  const attempt = async (input: Record<string, unknown>, claims = as.manager) =>
    (await harness.gql(mutation('creditPraise', 'CreditPraiseInput'), { input }, claims)).errors?.[0]?.extensions;
  expect(await attempt({ ...ref(current), employeeIds: [randomUUID()] })).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'input.employeeIds',
  });
  expect(await attempt({ ...ref(current), employeeIds: [ids.agentEmployee] })).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'input.employeeIds',
  });
  expect(await attempt({ ...ref(fault), employeeIds: [ids.agentEmployee] })).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'input.ticketId',
  });
  expect(await attempt({ ...ref(current), employeeIds: [ids.techEmployee] }, as.agent)).toMatchObject({
    code: 'FORBIDDEN',
  });
  expect(await audit()).toBe(before);
});
