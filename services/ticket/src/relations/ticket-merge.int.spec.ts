import { as, change, ids, openTicket, type TicketView } from '../test-support/fixtures';
import { startTicketHarness, type TicketHarness } from '../test-support/ticket-harness';

const MERGE = `mutation($input: MergeTicketsInput!) { mergeTickets(input: $input) { id version status progress { body } links { role number } } }`;
const READ = `query($id: ID!) { ticket(id: $id) { status closeReason version mergedInto { id number } progress { body } history { action details } } }`;

let harness: TicketHarness;
beforeAll(async () => {
  harness = await startTicketHarness('ticket-merge');
});
afterAll(() => harness?.stop());

const ref = (ticket: { id: string; version: number }) => ({
  ticketId: ticket.id,
  expectedVersion: ticket.version,
});
const note = (ticket: TicketView, body: string) =>
  change(
    harness,
    'addTicketProgress',
    'AddTicketProgressInput',
    { ...ref(ticket), visibility: 'INTERNAL', body },
    as.agent,
  );

describe('merging duplicates (real PostgreSQL and Kafka)', () => {
  it('carries notes and links to the survivor and closes each duplicate as MERGED pointing to it', async () => {
    const survivor = await openTicket(harness, { subject: 'Printer on floor 3 jams' });
    const duplicate = await note(
      await openTicket(harness, { subject: 'Printer jam again' }),
      'Tray 2 is empty',
    );
    const related = await openTicket(harness, { subject: 'Toner low' });
    const linked = await harness.data<{ linkTickets: TicketView }>(
      `mutation($input: LinkTicketsInput!) { linkTickets(input: $input) { id version } }`,
      { input: { ...ref(duplicate), otherTicketId: related.id, kind: 'RELATED' } },
      as.agent,
    );
    const { mergeTickets } = await harness.data<{
      mergeTickets: {
        status: string;
        progress: { body: string }[];
        links: { role: string; number: string }[];
      };
    }>(MERGE, { input: { survivor: ref(survivor), duplicates: [ref(linked.linkTickets)] } }, as.agent);
    expect(mergeTickets.status).toBe(survivor.status);
    expect(mergeTickets.progress.map((p) => p.body)).toEqual(['Tray 2 is empty']);
    expect(mergeTickets.links).toEqual([{ role: 'RELATED', number: related.number }]);

    const { ticket } = await harness.data<{
      ticket: {
        status: string;
        closeReason: string;
        mergedInto: { id: string };
        history: { action: string }[];
      };
    }>(READ, { id: duplicate.id }, as.manager);
    expect(ticket).toMatchObject({
      status: 'CLOSED',
      closeReason: 'MERGED',
      mergedInto: { id: survivor.id },
    });
    expect(ticket.history.at(-1)?.action).toBe('MERGE');
    // All four of the duplicate's events: waiting for three let the check run before the merge's arrived.
    const events = await harness.eventsOf(duplicate.id, 4);
    expect(events.map((event) => event.type)).toEqual([
      'ticket.opened',
      'ticket.progress_added',
      'ticket.linked',
      'ticket.merged',
    ]);
    expect(events.at(-1)).toMatchObject({
      type: 'ticket.merged',
      data: { status: 'CLOSED', survivorTicketId: survivor.id, survivorNumber: survivor.number },
    });
    expect(harness.invalidEvents).toEqual([]);

    // A merged ticket stays closed.
    const current = (
      await harness.data<{ ticket: { version: number } }>(READ, { id: duplicate.id }, as.manager)
    ).ticket;
    const reopen = await harness.gql(
      `mutation($input: ReopenTicketInput!) { reopenTicket(input: $input) { id } }`,
      { input: { ticketId: duplicate.id, expectedVersion: current.version, reason: 'Still jams' } },
      as.agent,
    );
    expect(reopen.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('refuses tickets of another customer, already merged ones and repeats, naming the field, changing nothing', async () => {
    const survivor = await openTicket(harness);
    const otherCustomer = await openTicket(harness, { customerId: ids.customerB });
    const before = await harness.sql('select id, version, status from tickets order by id');
    const refused = await harness.gql(
      MERGE,
      { input: { survivor: ref(survivor), duplicates: [ref(otherCustomer)] } },
      as.manager,
    );
    expect(refused.errors?.[0]).toMatchObject({
      message: 'Only tickets of the same customer are merged',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.duplicates.0.ticketId' },
    });
    const self = await harness.gql(
      MERGE,
      { input: { survivor: ref(survivor), duplicates: [ref(survivor)] } },
      as.manager,
    );
    expect(self.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.duplicates.0.ticketId',
    });
    const customer = await harness.gql(
      MERGE,
      { input: { survivor: ref(survivor), duplicates: [ref(otherCustomer)] } },
      as.customerA,
    );
    expect(customer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await harness.sql('select id, version, status from tickets order by id')).toEqual(before);
  });
});
