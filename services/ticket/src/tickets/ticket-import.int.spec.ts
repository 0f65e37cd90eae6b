// Historical import (occurredAt): an ADMIN replays a ticket's life from a legacy helpdesk, and every change is
// recorded, timed and published as of when it happened; anyone else, a future instant or an out-of-order one is
// refused before anything is written.
import type { DomainEvent } from '@opsgraph/contracts-events';
import { IMPORT_HOLD_MS } from './ticket.command-runner';
import { as, ids, mutation, OPEN_TICKET, openInput, type TicketView } from '../test-support/fixtures';
import { startTicketHarness, type Claims, type TicketHarness } from '../test-support/ticket-harness';

let harness: TicketHarness;

beforeAll(async () => {
  harness = await startTicketHarness('ticket-import', { env: { AUTO_CLOSE_INTERVAL_MS: '200' } });
});
afterAll(async () => {
  await harness?.stop();
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

async function open(
  occurredAt: number | null,
  overrides: Record<string, unknown> = {},
  claims: Claims = as.admin,
) {
  return harness.gql<{ openTicket: TicketView }>(
    OPEN_TICKET,
    { input: openInput({ ...overrides, ...(occurredAt === null ? {} : { occurredAt: iso(occurredAt) }) }) },
    claims,
  );
}

/** A change as the ADMIN importer at `at`; returns the ticket after it. */
function importer(ticket: TicketView) {
  let current = ticket;
  return {
    get ticket() {
      return current;
    },
    async at(at: number, name: string, inputType: string, input: Record<string, unknown> = {}) {
      const data = await harness.data<Record<string, TicketView>>(
        mutation(name, inputType),
        { input: { ticketId: current.id, expectedVersion: current.version, occurredAt: iso(at), ...input } },
        as.admin,
      );
      current = data[name];
      return current;
    },
  };
}

const ms = (value: string | null) => (value === null ? null : Date.parse(value));

describe('an ADMIN importing a ticket’s history', () => {
  it('records every change at its historic time: row, audit trail, events, and the resolution seconds from them', async () => {
    // P2 (HIGH × MEDIUM): response 1 h, resolution 8 h.
    const t0 = Date.now() - 10 * DAY;
    const opened = await open(t0);
    expect(opened.errors).toBeUndefined();
    const ticket = importer(opened.data!.openTicket);
    expect(ticket.ticket).toMatchObject({ priority: 'P2', status: 'NEW', createdAt: iso(t0) });
    expect(ms(ticket.ticket.sla.responseDueAt)).toBe(t0 + HOUR);

    await ticket.at(t0 + 20 * MINUTE, 'acknowledgeTicket', 'AcknowledgeTicketInput');
    await ticket.at(t0 + 30 * MINUTE, 'assignTicket', 'AssignTicketInput', { assigneeId: ids.agentEmployee });
    await ticket.at(t0 + HOUR, 'startTicketWork', 'StartTicketWorkInput');
    await ticket.at(t0 + 2 * HOUR, 'awaitCustomer', 'AwaitCustomerInput', { reason: 'Which browser?' });
    await ticket.at(t0 + 5 * HOUR, 'recordCustomerResponse', 'RecordCustomerResponseInput', {
      note: 'Firefox',
    });
    // 9 h after opening, 3 h of them waiting for the customer: 6 h of the 8 h resolution target.
    await ticket.at(t0 + 9 * HOUR, 'resolveTicket', 'ResolveTicketInput', {
      resolutionSummary: 'Cache cleared',
    });
    await ticket.at(t0 + DAY, 'closeTicket', 'CloseTicketInput', { reason: 'CUSTOMER_CONFIRMED' });
    await ticket.at(t0 + DAY + HOUR, 'submitTicketSurvey', 'SubmitTicketSurveyInput', {
      overall: 5,
      quality: 5,
      efficiency: 4,
      communication: 5,
    });

    expect(ticket.ticket).toMatchObject({
      status: 'CLOSED',
      acknowledgedAt: iso(t0 + 20 * MINUTE),
      resolvedAt: iso(t0 + 9 * HOUR),
      closedAt: iso(t0 + DAY),
      sla: { breached: false },
    });
    // The stored clock (the graph shows a paused clock as if resumed now): 3 h paused, the deadline pushed by them.
    const [clock] = await harness.sql<{ sla_paused_seconds: number; resolution_due_at: Date }>(
      'select sla_paused_seconds, resolution_due_at from tickets where id = $1',
      [ticket.ticket.id],
    );
    expect(clock).toEqual({ sla_paused_seconds: 3 * 3600, resolution_due_at: new Date(t0 + 11 * HOUR) });

    const events = await harness.eventsOf(ticket.ticket.id, 9);
    const times = events.map((event) => [event.type, Date.parse(event.occurredAt) - t0]);
    expect(times).toEqual([
      ['ticket.opened', 0],
      ['ticket.acknowledged', 20 * MINUTE],
      ['ticket.assigned', 30 * MINUTE],
      ['ticket.status_changed', HOUR],
      ['ticket.status_changed', 2 * HOUR],
      ['ticket.status_changed', 5 * HOUR],
      ['ticket.resolved', 9 * HOUR],
      ['ticket.closed', DAY],
      ['ticket.survey_submitted', DAY + HOUR],
    ]);
    const byType = (type: string) =>
      events.find((event) => event.type === type) as DomainEvent & { data: Record<string, unknown> };
    expect(byType('ticket.acknowledged').data).toMatchObject({ firstResponseSeconds: 1200 });
    expect(byType('ticket.resolved').data).toMatchObject({
      resolutionSeconds: 6 * 3600,
      firstResponseSeconds: 1200,
      withinSla: true,
      openedAt: iso(t0),
      resolvedAt: iso(t0 + 9 * HOUR),
    });
    expect(byType('ticket.survey_submitted').data).toMatchObject({ submittedAt: iso(t0 + DAY + HOUR) });

    const history = await harness.sql<{ action: string; occurred_at: Date }>(
      `select action, occurred_at from audit_log where aggregate_type = 'ticket' and aggregate_id = $1 order by aggregate_version`,
      [ticket.ticket.id],
    );
    expect(history.map((entry) => entry.occurred_at.getTime() - t0)).toEqual([
      0,
      20 * MINUTE,
      30 * MINUTE,
      HOUR,
      2 * HOUR,
      5 * HOUR,
      9 * HOUR,
      DAY,
      DAY + HOUR,
    ]);
    const [row] = await harness.sql<{ updated_at: Date }>('select updated_at from tickets where id = $1', [
      ticket.ticket.id,
    ]);
    expect(row.updated_at.toISOString()).toBe(iso(t0 + DAY + HOUR));
  });

  it('flags deadlines that passed before an imported change, as of that change', async () => {
    // P1 (HIGH × HIGH): response 15 min, resolution 4 h.
    const t0 = Date.now() - 5 * DAY;
    const ticket = importer((await open(t0, { impact: 'HIGH' })).data!.openTicket);
    expect(ticket.ticket.priority).toBe('P1');
    await ticket.at(t0 + HOUR, 'acknowledgeTicket', 'AcknowledgeTicketInput');
    expect(ticket.ticket.sla).toMatchObject({
      breached: true,
      responseBreachedAt: iso(t0 + HOUR),
      resolutionBreachedAt: null,
    });
    await ticket.at(t0 + 2 * HOUR, 'assignTicket', 'AssignTicketInput', { assigneeId: ids.agentEmployee });
    await ticket.at(t0 + 6 * HOUR, 'resolveTicket', 'ResolveTicketInput', { resolutionSummary: 'Restarted' });
    expect(ticket.ticket.sla.resolutionBreachedAt).toBe(iso(t0 + 6 * HOUR));

    const events = await harness.eventsOf(ticket.ticket.id, 6);
    expect(
      events.map((event) => [
        event.type,
        Date.parse(event.occurredAt) - t0,
        (event.data as { deadline?: string }).deadline,
      ]),
    ).toEqual([
      ['ticket.opened', 0, undefined],
      ['ticket.sla_breached', HOUR, 'RESPONSE'],
      ['ticket.acknowledged', HOUR, undefined],
      ['ticket.assigned', 2 * HOUR, undefined],
      ['ticket.sla_breached', 6 * HOUR, 'RESOLUTION'],
      ['ticket.resolved', 6 * HOUR, undefined],
    ]);
    expect(events[1].data).toMatchObject({ dueAt: iso(t0 + 15 * MINUTE), breachedAt: iso(t0 + HOUR) });
    expect(events[5].data).toMatchObject({ withinSla: false, resolutionSeconds: 6 * 3600 });
  });

  it('keeps the SLA scanner and auto-close off a ticket while its import runs, and lets them act afterwards', async () => {
    const t0 = Date.now() - 3 * DAY;
    const opened = (await open(t0)).data!.openTicket;
    // Resolved 9 days ago: auto-close (after 7 days) would close it at once by the wall clock.
    const resolved = importer((await open(t0 - 10 * DAY)).data!.openTicket);
    await resolved.at(t0 - 10 * DAY + MINUTE, 'assignTicket', 'AssignTicketInput', {
      assigneeId: ids.agentEmployee,
    });
    await resolved.at(t0 - 9 * DAY, 'resolveTicket', 'ResolveTicketInput', { resolutionSummary: 'Done' });
    const stateOf = async (id: string) =>
      (
        await harness.sql<{ version: number; status: string; response_breached_at: Date | null }>(
          'select version, status, response_breached_at from tickets where id = $1',
          [id],
        )
      )[0];

    // The scanner and auto-close run every 200 ms here; by the wall clock both deadlines passed days ago.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await stateOf(opened.id)).toEqual({ version: 1, status: 'NEW', response_breached_at: null });
    expect(await stateOf(resolved.ticket.id)).toMatchObject({
      version: resolved.ticket.version,
      status: 'RESOLVED',
    });

    // The import stops here: once the hold ends, the scanner reports both deadlines of the NEW ticket, and
    // auto-close closes the resolved one.
    harness.clock.advance(IMPORT_HOLD_MS + 1000);
    const events = await harness.eventsOf(opened.id, 3);
    expect(
      events
        .slice(1)
        .map((event) => (event.data as { deadline: string }).deadline)
        .sort(),
    ).toEqual(['RESOLUTION', 'RESPONSE']);
    expect(events.slice(1).every((event) => event.type === 'ticket.sla_breached')).toBe(true);
    const closed = await harness.eventsOf(resolved.ticket.id, resolved.ticket.version + 1);
    expect(closed[closed.length - 1]).toMatchObject({
      type: 'ticket.closed',
      data: { closedBy: 'AUTO_CLOSED' },
    });
  });
});

describe('refused imports write nothing', () => {
  const counts = async () => {
    const [row] = await harness.sql<{ tickets: number; history: number; outbox: number }>(
      `select (select count(*)::int from tickets) as tickets, (select count(*)::int from audit_log) as history,
              (select count(*)::int from outbox) as outbox`,
    );
    return row;
  };
  let ticket: TicketView;
  let before: Awaited<ReturnType<typeof counts>>;

  beforeAll(async () => {
    const t0 = Date.now() - 2 * DAY;
    const imported = importer((await open(t0)).data!.openTicket);
    // Acknowledged exactly at the response deadline: on time.
    ticket = await imported.at(t0 + HOUR, 'acknowledgeTicket', 'AcknowledgeTicketInput');
    expect(ticket.sla.breached).toBe(false);
  });
  beforeEach(async () => {
    before = await counts();
  });
  afterEach(async () => {
    expect(await counts()).toEqual(before);
  });

  const assign = (occurredAt: number, claims: Claims) =>
    harness.gql(
      mutation('assignTicket', 'AssignTicketInput'),
      {
        input: {
          ticketId: ticket.id,
          expectedVersion: ticket.version,
          assigneeId: ids.agentEmployee,
          occurredAt: iso(occurredAt),
        },
      },
      claims,
    );

  it.each([
    ['OPS_DIRECTOR', as.director],
    ['OPS_MANAGER', as.manager],
    ['AGENT', as.agent],
    ['CUSTOMER', as.customerA],
  ] as const)('is FORBIDDEN for %s, naming input.occurredAt', async (_role, claims) => {
    const past = Date.parse(ticket.acknowledgedAt!) + HOUR;
    const opened = await open(
      past,
      claims === as.customerA ? { customerId: ids.customerA, departmentId: null } : {},
      claims,
    );
    expect(opened.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.occurredAt' });
    const assigned = await assign(past, claims);
    expect(assigned.errors?.[0].extensions).toMatchObject(
      claims === as.customerA ? { code: 'FORBIDDEN' } : { code: 'FORBIDDEN', field: 'input.occurredAt' },
    );
  });

  it('is BAD_USER_INPUT on input.occurredAt in the future', async () => {
    // The service's clock (moved on by the test above), not this process's.
    const future = harness.clock.now().getTime() + MINUTE;
    const opened = await open(future);
    expect(opened.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.occurredAt',
    });
    const assigned = await assign(future, as.admin);
    expect(assigned.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.occurredAt',
    });
  });

  it('is BAD_USER_INPUT on input.occurredAt before the ticket’s last change', async () => {
    const beforeAck = Date.parse(ticket.acknowledgedAt!) - MINUTE;
    const assigned = await assign(beforeAck, as.admin);
    expect(assigned.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/before the last change/),
      extensions: { code: 'BAD_USER_INPUT', field: 'input.occurredAt' },
    });
  });

  it('accepts an instant a little ahead of the service’s clock (clock skew), recorded as now', async () => {
    const ahead = harness.clock.now().getTime() + 2000;
    await importer(ticket).at(ahead, 'assignTicket', 'AssignTicketInput', { assigneeId: ids.agentEmployee });
    const [row] = await harness.sql<{ updated_at: Date }>('select updated_at from tickets where id = $1', [
      ticket.id,
    ]);
    expect(row.updated_at.getTime()).toBeLessThan(ahead);
    // Written: the afterEach expectation moves along.
    before = await counts();
  });
});
