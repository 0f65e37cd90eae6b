import { randomUUID } from 'node:crypto';
import { as, change, ids, openTicket, type TicketView } from '../test-support/fixtures';
import { startTicketHarness, type TicketHarness } from '../test-support/ticket-harness';

const LINK = `mutation($input: LinkTicketsInput!) { linkTickets(input: $input) { id version links { role ticketId number } } }`;
const LINKS = `query($id: ID!) { ticket(id: $id) { version links { role ticketId number } history { action details } } }`;

let harness: TicketHarness;
beforeAll(async () => {
  harness = await startTicketHarness('ticket-relations', { consumeTopic: false });
});
afterAll(() => harness?.stop());

const ref = (ticket: { id: string; version: number }) => ({
  ticketId: ticket.id,
  expectedVersion: ticket.version,
});
const link = (from: { id: string; version: number }, to: { id: string }, kind: string, claims = as.agent) =>
  harness.gql<{ linkTickets: { id: string; version: number; links: unknown[] } }>(
    LINK,
    { input: { ...ref(from), otherTicketId: to.id, kind } },
    claims,
  );
const read = async (id: string) =>
  (
    await harness.data<{
      ticket: { version: number; links: { role: string; number: string }[]; history: { action: string }[] };
    }>(LINKS, { id }, as.manager)
  ).ticket;

async function assigned(): Promise<TicketView> {
  const ticket = await openTicket(harness);
  return change(harness, 'assignTicket', 'AssignTicketInput', {
    ...ref(ticket),
    assigneeId: ids.agentEmployee,
  });
}

describe('parent/child and related tickets (real PostgreSQL)', () => {
  it('a parent cannot resolve while a child is open; once the child is resolved it can', async () => {
    const parent = await assigned();
    const child = await assigned();
    const linked = await link(parent, child, 'PARENT_OF');
    expect(linked.errors).toBeUndefined();
    expect(linked.data!.linkTickets.links).toEqual([
      { role: 'CHILD', ticketId: child.id, number: child.number },
    ]);
    expect((await read(child.id)).links).toEqual([
      { role: 'PARENT', ticketId: parent.id, number: parent.number },
    ]);
    expect((await read(parent.id)).history.at(-1)).toMatchObject({ action: 'LINK' });

    const current = await read(parent.id);
    const refused = await harness.gql(
      `mutation($input: ResolveTicketInput!) { resolveTicket(input: $input) { id } }`,
      { input: { ticketId: parent.id, expectedVersion: current.version, resolutionSummary: 'Done' } },
      as.agent,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      currentState: 'ASSIGNED',
    });
    expect(refused.errors?.[0]?.message).toBe(`Resolve its open child tickets first: ${child.number}`);
    expect((await read(parent.id)).version).toBe(current.version);

    await change(harness, 'resolveTicket', 'ResolveTicketInput', {
      ...ref(child),
      resolutionSummary: 'Fixed',
    });
    const resolved = await change(harness, 'resolveTicket', 'ResolveTicketInput', {
      ticketId: parent.id,
      expectedVersion: current.version,
      resolutionSummary: 'All children fixed',
    });
    expect(resolved.status).toBe('RESOLVED');
  });

  it('refuses cycles, a second parent, repeats and self links, writing nothing', async () => {
    const [a, b, c] = [await assigned(), await assigned(), await assigned()];
    expect((await link(a, b, 'PARENT_OF')).errors).toBeUndefined();
    const b1 = await read(b.id);
    expect((await link({ id: b.id, version: b1.version }, c, 'PARENT_OF')).errors).toBeUndefined();
    const c1 = await read(c.id);
    const before = await harness.sql('select count(*)::int as n from ticket_relations');
    const refusal = async (from: { id: string; version: number }, to: { id: string }, kind: string) =>
      (await link(from, to, kind)).errors?.[0];
    expect(await refusal({ id: c.id, version: c1.version }, a, 'PARENT_OF')).toMatchObject({
      message: `${a.number} is an ancestor of ${c.number}: that would make a cycle`,
      extensions: { code: 'BAD_USER_INPUT', field: 'input.otherTicketId' },
    });
    const a1 = await read(a.id);
    expect((await refusal({ id: a.id, version: a1.version }, c, 'PARENT_OF'))?.message).toBe(
      `${c.number} already has a parent`,
    );
    expect((await refusal({ id: a.id, version: a1.version }, a, 'RELATED'))?.message).toBe(
      'A ticket cannot be linked to itself',
    );
    expect((await refusal({ id: a.id, version: a1.version }, b, 'PARENT_OF'))?.message).toBe(
      `${a.number} and ${b.number} are already linked as PARENT_OF`,
    );
    expect(await harness.sql('select count(*)::int as n from ticket_relations')).toEqual(before);
    expect((await read(a.id)).version).toBe(a1.version);
  });

  it('related links show on both tickets; customers and unknown tickets get nothing', async () => {
    const [a, b] = [await assigned(), await assigned()];
    expect((await link(a, b, 'RELATED')).errors).toBeUndefined();
    expect((await read(b.id)).links).toEqual([{ role: 'RELATED', ticketId: a.id, number: a.number }]);
    const asCustomer = await harness.data<{ ticket: { links: unknown[] } }>(
      'query($id: ID!) { ticket(id: $id) { links { ticketId } } }',
      { id: a.id },
      as.customerA,
    );
    expect(asCustomer.ticket.links).toEqual([]);
    const b1 = await read(b.id);
    const unknown = await link(
      { id: b.id, version: b1.version },
      { id: '0b9c2f7e-1d2a-4c3b-9e8f-7a6b5c4d3e2f' },
      'RELATED',
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.otherTicketId',
    });
    const forbidden = await link(b1 && { id: b.id, version: b1.version }, a, 'RELATED', as.analyst);
    expect(forbidden.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('unlinks from either side, audited, with ticket.linked and ticket.unlinked on the ticket topic', async () => {
    const UNLINK = `mutation($input: UnlinkTicketsInput!) {
      unlinkTickets(input: $input) { id version links { role ticketId } } }`;
    const parent = await assigned();
    const child = await assigned();
    const linked = await link(parent, child, 'PARENT_OF');
    expect(linked.errors).toBeUndefined();
    // Removed from the child's side: the child's trail and events record it, naming the other as its PARENT
    const childNow = await read(child.id);
    const unlinked = await harness.gql<{ unlinkTickets: { version: number; links: unknown[] } }>(
      UNLINK,
      { input: { ticketId: child.id, expectedVersion: childNow.version, otherTicketId: parent.id } },
      as.agent,
    );
    expect(unlinked.errors).toBeUndefined();
    expect(unlinked.data!.unlinkTickets.links).toEqual([]);
    expect((await read(parent.id)).links).toEqual([]);
    expect((await read(child.id)).history.at(-1)).toMatchObject({ action: 'UNLINK' });
    // Not linked any more, an unknown ticket, a stale version: refused with the field named
    const again = await read(child.id);
    const notLinked = await harness.gql(
      UNLINK,
      { input: { ticketId: child.id, expectedVersion: again.version, otherTicketId: parent.id } },
      as.agent,
    );
    expect(notLinked.errors?.[0]).toMatchObject({
      message: `${child.number} is not linked to ${parent.number}`,
      extensions: { code: 'BAD_USER_INPUT', field: 'input.otherTicketId' },
    });
    const unknown = await harness.gql(
      UNLINK,
      { input: { ticketId: child.id, expectedVersion: again.version, otherTicketId: randomUUID() } },
      as.agent,
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.otherTicketId' });
    const stale = await harness.gql(
      UNLINK,
      { input: { ticketId: child.id, expectedVersion: 1, otherTicketId: parent.id } },
      as.agent,
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });

    const events = await harness.sql<{ id: string; type: string; data: Record<string, unknown> }>(
      `select aggregate_id as id, event_type as type, payload->'data' as data from outbox
        where event_type in ('ticket.linked', 'ticket.unlinked') and aggregate_id = any($1::uuid[])
        order by outbox.id`,
      [[parent.id, child.id]],
    );
    expect(events.map(({ id, type, data }) => ({ id, type, role: data.role, other: data.otherTicketId }))).toEqual([
      { id: parent.id, type: 'ticket.linked', role: 'CHILD', other: child.id },
      { id: child.id, type: 'ticket.unlinked', role: 'PARENT', other: parent.id },
    ]);
  });
});
