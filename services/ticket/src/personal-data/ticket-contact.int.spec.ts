// Ticket.contact on real PostgreSQL (docs/product.md §11.4): the customer service's matrix and masks, and every read
// in clear recorded in the personal-data access log before the data leaves.
import { as, ids, openTicket } from '../test-support/fixtures';
import { startTicketHarness, type TicketHarness } from '../test-support/ticket-harness';

let harness: TicketHarness;
beforeAll(async () => {
  harness = await startTicketHarness('ticket-contact', { consumeTopic: false, env: { RUN_SLA_SCANNER: 'false' } });
});
afterAll(() => harness?.stop());

const READ = `query($id: ID!) { ticket(id: $id) { contact { name phone email } } }`;
const log = (customerId: string) =>
  harness.sql<{ role: string; fields: string[]; operation: string; customer_id: string }>(
    'select role, fields, operation, customer_id from personal_data_access_log where customer_id = $1 order by id',
    [customerId],
  );

it('a TECHNICIAN reads the contact masked, and nothing is recorded', async () => {
  const ticket = await openTicket(harness, { departmentId: ids.fieldTech });
  const before = (await log(ids.customerA)).length;
  const { ticket: read } = await harness.data<{ ticket: { contact: Record<string, string> } }>(
    READ,
    { id: ticket.id },
    as.technician,
  );
  expect(read.contact).toEqual({ name: 'L***', phone: '+861*****5678', email: 'l***@example.com' });
  expect(await log(ids.customerA)).toHaveLength(before);
});

it('an AGENT reads it in clear; the read is recorded with the fields selected, one row per ticket read', async () => {
  const ticket = await openTicket(harness, { customerId: ids.customerB });
  // Opening returned the contact in clear to the agent: recorded as read by `openTicket`.
  const opened = await log(ids.customerB);
  expect(opened.at(-1)).toMatchObject({ role: 'AGENT', operation: 'openTicket' });
  const { ticket: read } = await harness.data<{ ticket: { contact: Record<string, string> } }>(
    `query($id: ID!) { ticket(id: $id) { contact { phone } } }`,
    { id: ticket.id },
    as.agent,
  );
  expect(read.contact).toEqual({ phone: '+86 10 1234 5678' });
  expect((await log(ids.customerB)).slice(opened.length)).toEqual([
    { role: 'AGENT', fields: ['ticket.contact.phone'], operation: 'ticket', customer_id: ids.customerB },
  ]);

  await harness.data(
    `{ tickets(first: 50, filter: { customerId: "${ids.customerB}" }) { edges { node { contact { name email } } } } }`,
    {},
    as.manager,
  );
  expect((await log(ids.customerB)).slice(opened.length + 1)).toEqual([
    {
      role: 'OPS_MANAGER',
      fields: ['ticket.contact.email', 'ticket.contact.name'],
      operation: 'tickets',
      customer_id: ids.customerB,
    },
  ]);
});
