import { topicFor, topicName } from '@opsgraph/contracts-events';
import { waitFor } from '@opsgraph/testing';
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

  it('updates and deletes a reply at the version read, audited, each published through the outbox', async () => {
    const UPDATE = `mutation($input: UpdateCannedReplyInput!) {
      updateCannedReply(input: $input) { id version title body departmentId } }`;
    const DELETE = `mutation($input: DeleteCannedReplyInput!) { deleteCannedReply(input: $input) { id version } }`;
    const reply = await define({ title: 'Received', body: 'Dear {{customer.name}}, we have it.' });
    const updated = await harness.data<{ updateCannedReply: Record<string, unknown> }>(
      UPDATE,
      {
        input: {
          replyId: reply.id,
          expectedVersion: 1,
          title: 'Received (desk)',
          body: 'Dear {{customer.name}}, {{ticket.number}} is with us.',
          departmentId: ids.serviceDesk,
        },
      },
      as.director,
    );
    expect(updated.updateCannedReply).toEqual({
      id: reply.id,
      version: 2,
      title: 'Received (desk)',
      body: 'Dear {{customer.name}}, {{ticket.number}} is with us.',
      departmentId: ids.serviceDesk,
    });
    // A stale version, an unknown variable, another role and an unknown department are refused, writing nothing
    const stale = await harness.gql(
      UPDATE,
      { input: { replyId: reply.id, expectedVersion: 1, title: 'Late', body: 'Hi' } },
      as.manager,
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
    const bad = await harness.gql(
      UPDATE,
      { input: { replyId: reply.id, expectedVersion: 2, title: 'Bad', body: '{{ticket.secret}}' } },
      as.manager,
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.body' });
    const nowhere = await harness.gql(
      UPDATE,
      { input: { replyId: reply.id, expectedVersion: 2, title: 'X', body: 'Hi', departmentId: randomUUID() } },
      as.manager,
    );
    expect(nowhere.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.departmentId' });
    const agent = await harness.gql(DELETE, { input: { replyId: reply.id, expectedVersion: 2 } }, as.agent);
    expect(agent.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const missing = await harness.gql(DELETE, { input: { replyId: randomUUID(), expectedVersion: 1 } }, as.manager);
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });

    const deleted = await harness.data<{ deleteCannedReply: { id: string; version: number } }>(
      DELETE,
      { input: { replyId: reply.id, expectedVersion: 2 } },
      as.manager,
    );
    expect(deleted.deleteCannedReply).toEqual({ id: reply.id, version: 3 });
    expect(await harness.sql('select id from canned_replies where id = $1', [reply.id])).toEqual([]);
    expect(
      await harness.sql(
        'select aggregate_version as v, action from audit_log where aggregate_id = $1 order by aggregate_version',
        [reply.id],
      ),
    ).toEqual([
      { v: 1, action: 'DEFINE' },
      { v: 2, action: 'UPDATE' },
      { v: 3, action: 'DELETE' },
    ]);
    const topic = topicName(topicFor('canned-reply'), harness.kafka.namespace);
    const events = await waitFor(
      () =>
        harness.sql<{ type: string; v: number; topic: string; data: Record<string, unknown>; published: boolean }>(
          `select event_type as type, aggregate_version as v, topic, payload->'data' as data,
                  published_at is not null as published
             from outbox where aggregate_id = $1 order by aggregate_version`,
          [reply.id],
        ),
      (rows) => rows.length === 3 && rows.every((row) => row.published),
      { what: 'the reply’s three events published' },
    );
    expect(events.map(({ type, v, topic: t }) => ({ type, v, t }))).toEqual([
      { type: 'canned-reply.defined', v: 1, t: topic },
      { type: 'canned-reply.changed', v: 2, t: topic },
      { type: 'canned-reply.deleted', v: 3, t: topic },
    ]);
    expect(events[1]!.data).toEqual({
      replyId: reply.id,
      title: 'Received (desk)',
      departmentId: ids.serviceDesk,
      variables: ['customer.name', 'ticket.number'],
    });
  });
});
