import { randomUUID } from 'node:crypto';
import { as, ids, openTicket } from '../test-support/fixtures';
import { startTicketHarness, type TicketHarness } from '../test-support/ticket-harness';

const DEFINE = `mutation($input: DefineCannedReplyInput!) { defineCannedReply(input: $input) { id title departmentId } }`;
const LIST = `query($departmentId: ID) { cannedReplies(departmentId: $departmentId) { title } }`;
const RENDER = `query($replyId: ID!, $ticketId: ID!) { renderCannedReply(replyId: $replyId, ticketId: $ticketId) }`;

let harness: TicketHarness;
beforeAll(async () => {
  harness = await startTicketHarness('ticket-canned-replies', { consumeTopic: false });
});
afterAll(() => harness?.stop());

const define = async (input: Record<string, unknown>) =>
  (await harness.data<{ defineCannedReply: { id: string } }>(DEFINE, { input }, as.manager))
    .defineCannedReply;

describe('canned replies (real PostgreSQL)', () => {
  it('renders the variables for a ticket as plain text, never as a template', async () => {
    const customerId = randomUUID();
    await harness.know({ customers: [customerId] });
    await harness.sql("update known_customers set name = '{{ticket.number}} & <b>Jade</b>' where id = $1", [
      customerId,
    ]);
    const ticket = await openTicket(harness, { customerId });
    const reply = await define({
      title: 'Acknowledged',
      body: 'Dear {{customer.name}}, we are on {{ ticket.number }} ({{ticket.subject}}); due {{ticket.dueAt}}.',
    });
    const { renderCannedReply } = await harness.data<{ renderCannedReply: string }>(
      RENDER,
      { replyId: reply.id, ticketId: ticket.id },
      as.agent,
    );
    const due = new Date(ticket.sla.resolutionDueAt).toISOString().slice(0, 16).replace('T', ' ');
    expect(renderCannedReply).toBe(
      `Dear {{ticket.number}} & <b>Jade</b>, we are on ${ticket.number} (${ticket.subject}); due ${due} (UTC).`,
    );
  });

  it('lists replies for every department plus the department’s own', async () => {
    const other = randomUUID();
    await harness.know({ departments: [other] });
    await define({ title: 'Desk only', body: 'Hello', departmentId: ids.serviceDesk });
    await define({ title: 'Field only', body: 'Hello', departmentId: ids.fieldTech });
    const titles = async (claims = as.agent, departmentId: string | null = null) =>
      (
        await harness.data<{ cannedReplies: { title: string }[] }>(LIST, { departmentId }, claims)
      ).cannedReplies.map((r) => r.title);
    expect(await titles()).toEqual(['Acknowledged', 'Desk only']);
    expect(await titles(as.technician)).toEqual(['Acknowledged', 'Field only']);
    const fieldReply = (
      await harness.sql<{ id: string }>("select id from canned_replies where title = 'Field only'")
    )[0]!;
    const ticket = await openTicket(harness);
    const refused = await harness.gql(RENDER, { replyId: fieldReply.id, ticketId: ticket.id }, as.agent);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'replyId' });
  });

  it('refuses unknown variables and other roles, writing nothing', async () => {
    const before = await harness.sql('select count(*)::int as n from canned_replies');
    const refused = await harness.gql(
      DEFINE,
      { input: { title: 'Leaky', body: 'Call {{customer.phone}} about {{ constructor.constructor }}' } },
      as.manager,
    );
    expect(refused.errors?.[0]).toMatchObject({
      message: 'Unknown variables: {{customer.phone}}, {{constructor.constructor}}',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.body' },
    });
    const forbidden = await harness.gql(DEFINE, { input: { title: 'Mine', body: 'Hi' } }, as.agent);
    expect(forbidden.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const customer = await harness.gql(LIST, {}, as.customerA);
    expect(customer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await harness.sql('select count(*)::int as n from canned_replies')).toEqual(before);
  });
});
