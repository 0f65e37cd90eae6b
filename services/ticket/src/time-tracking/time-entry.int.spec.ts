// Time tracking on real PostgreSQL and Kafka: events on the ticket topic, refusals that write nothing, the entry's
// version under concurrency, and the sums per ticket, employee and department.
import { randomUUID } from 'node:crypto';
import { as, ids, openTicket, type TicketView } from '../test-support/fixtures';
import { startTicketHarness, type TicketHarness } from '../test-support/ticket-harness';

const ENTRY =
  'id version ticketId employee { id } department { id } activity minutes workedOn startedAt note deletedAt deleteReason';
const LOG = `mutation($input: LogTimeInput!) { logTime(input: $input) { ${ENTRY} } }`;
const UPDATE = `mutation($input: UpdateTimeEntryInput!) { updateTimeEntry(input: $input) { ${ENTRY} } }`;
const DELETE = `mutation($input: DeleteTimeEntryInput!) { deleteTimeEntry(input: $input) { ${ENTRY} } }`;
const TICKET_TIME = `query($id: ID!) { ticket(id: $id) { version timeSpent { totalMinutes byActivity { activity minutes } }
  timeEntries(first: 2) { totalCount edges { cursor node { id minutes } } pageInfo { hasNextPage endCursor } } } }`;
const REPORT = `query($filter: TimeSpentFilter!) { timeSpent(filter: $filter) {
  total { totalMinutes } byTicket { ticketId number spent { totalMinutes } }
  byEmployee { employee { id } spent { totalMinutes } } byDepartment { department { id } spent { totalMinutes } } } }`;

interface Entry {
  id: string;
  version: number;
  ticketId: string;
  employee: { id: string };
  department: { id: string } | null;
  activity: string;
  minutes: number;
  workedOn: string;
  deletedAt: string | null;
}

let harness: TicketHarness;
let ticket: TicketView;
const today = () => new Date().toISOString().slice(0, 10);
const leaver = randomUUID();

beforeAll(async () => {
  harness = await startTicketHarness('ticket-time-tracking');
  await harness.know({ employees: [leaver], employeeStatuses: { [leaver]: 'LEFT' } });
  // The fixtures' employees are known without a department: the directory learns theirs.
  await harness.sql('update known_employees set department_id = $2, version = 2 where id = $1', [
    ids.agentEmployee,
    ids.serviceDesk,
  ]);
  await harness.sql('update known_employees set department_id = $2, version = 2 where id = $1', [
    ids.techEmployee,
    ids.fieldTech,
  ]);
  ticket = await openTicket(harness, {}, as.manager);
});
afterAll(() => harness?.stop());

const log = async (input: Record<string, unknown>, claims = as.agent) =>
  (await harness.data<{ logTime: Entry }>(LOG, { input: { ticketId: ticket.id, ...input } }, claims)).logTime;

async function counts(): Promise<string> {
  const rows = await harness.sql<{ entries: number; outbox: number; audit: number; version: number }>(
    `select (select count(*)::int from time_entries) as entries, (select count(*)::int from outbox) as outbox,
            (select count(*)::int from audit_log) as audit, (select version from tickets where id = $1) as version`,
    [ticket.id],
  );
  return JSON.stringify(rows[0]);
}

describe('logging time (real PostgreSQL and Kafka)', () => {
  it('logs for the caller by default, bumps the ticket, audits and publishes ticket.time_logged', async () => {
    const entry = await log({ activity: 'DIAGNOSIS', minutes: 45, note: 'Read the gateway logs' });
    expect(entry).toMatchObject({
      version: 1,
      ticketId: ticket.id,
      employee: { id: ids.agentEmployee },
      department: { id: ids.serviceDesk },
      activity: 'DIAGNOSIS',
      minutes: 45,
      workedOn: today(),
      deletedAt: null,
    });
    const events = await harness.eventsOf(ticket.id, 2);
    const logged = events.find((e) => e.type === 'ticket.time_logged');
    expect(logged).toMatchObject({
      aggregateId: ticket.id,
      aggregateVersion: ticket.version + 1,
      data: {
        ticketId: ticket.id,
        number: ticket.number,
        entryId: entry.id,
        entryVersion: 1,
        employeeId: ids.agentEmployee,
        employeeDepartmentId: ids.serviceDesk,
        activity: 'DIAGNOSIS',
        minutes: 45,
        ticketTotalMinutes: 45,
      },
    });
    expect(JSON.stringify(logged)).not.toContain('gateway logs');
    expect(harness.invalidEvents).toEqual([]);
    const [line] = await harness.sql<{ action: string }>(
      `select action from audit_log where aggregate_id = $1 order by aggregate_version desc limit 1`,
      [ticket.id],
    );
    expect(line?.action).toBe('LOG_TIME');
  });

  it('lets a manager log for an employee, and sums per ticket and activity with keyset pages', async () => {
    await log({ activity: 'ON_SITE', minutes: 90, employeeId: ids.techEmployee }, as.manager);
    await log(
      { activity: 'TRAVEL', minutes: 30, employeeId: ids.techEmployee, workedOn: today() },
      as.manager,
    );
    const read = await harness.data<{
      ticket: {
        timeSpent: { totalMinutes: number; byActivity: { activity: string; minutes: number }[] };
        timeEntries: {
          totalCount: number;
          edges: { node: { id: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      };
    }>(TICKET_TIME, { id: ticket.id }, as.manager);
    expect(read.ticket.timeSpent).toEqual({
      totalMinutes: 165,
      byActivity: [
        { activity: 'DIAGNOSIS', minutes: 45 },
        { activity: 'ON_SITE', minutes: 90 },
        { activity: 'REMOTE', minutes: 0 },
        { activity: 'TRAVEL', minutes: 30 },
      ],
    });
    expect(read.ticket.timeEntries.totalCount).toBe(3);
    expect(read.ticket.timeEntries.pageInfo.hasNextPage).toBe(true);
    const next = await harness.data<{ ticket: { timeEntries: { edges: { node: { id: string } }[] } } }>(
      `query($id: ID!, $after: String) { ticket(id: $id) { timeEntries(first: 2, after: $after) { edges { node { id } } } } }`,
      { id: ticket.id, after: read.ticket.timeEntries.pageInfo.endCursor },
      as.manager,
    );
    const seen = [...read.ticket.timeEntries.edges, ...next.ticket.timeEntries.edges].map((e) => e.node.id);
    expect(new Set(seen).size).toBe(3);
    const asCustomer = await harness.data<{ ticket: { timeSpent: unknown; timeEntries: unknown } }>(
      `query($id: ID!) { ticket(id: $id) { timeSpent { totalMinutes } timeEntries { totalCount } } }`,
      { id: ticket.id },
      as.customerA,
    );
    expect(asCustomer.ticket).toEqual({ timeSpent: null, timeEntries: null });
  });

  it('refuses bad input with a code and the field, writing nothing', async () => {
    const before = await counts();
    const refusals: [Record<string, unknown>, Record<string, unknown>, object?][] = [
      [
        { activity: 'REMOTE', minutes: 0 },
        { code: 'BAD_USER_INPUT', field: 'input.minutes' },
      ],
      [
        { activity: 'REMOTE', minutes: 1441 },
        { code: 'BAD_USER_INPUT', field: 'input.minutes' },
      ],
      [
        { activity: 'REMOTE', minutes: 10, startedAt: new Date(Date.now() + 3_600_000).toISOString() },
        { code: 'BAD_USER_INPUT', field: 'input.startedAt' },
      ],
      [
        { activity: 'REMOTE', minutes: 10, workedOn: '2020-01-01' },
        { code: 'BAD_USER_INPUT', field: 'input.workedOn' },
      ],
      [
        { activity: 'REMOTE', minutes: 10, workedOn: '2026-02-30' },
        { code: 'BAD_USER_INPUT', field: 'input.workedOn' },
      ],
      [
        { activity: 'REMOTE', minutes: 10, employeeId: ids.techEmployee },
        { code: 'FORBIDDEN', field: 'input.employeeId' },
      ],
      [
        { activity: 'REMOTE', minutes: 10, employeeId: leaver },
        { code: 'BAD_USER_INPUT', field: 'input.employeeId' },
        as.manager,
      ],
      [
        { activity: 'REMOTE', minutes: 10, employeeId: randomUUID() },
        { code: 'BAD_USER_INPUT', field: 'input.employeeId' },
        as.manager,
      ],
      [
        { activity: 'REMOTE', minutes: 10 },
        { code: 'BAD_USER_INPUT', field: 'input.employeeId' },
        as.manager,
      ],
      [{ activity: 'REMOTE', minutes: 10, ticketId: randomUUID() }, { code: 'NOT_FOUND' }],
    ];
    for (const [input, extensions, claims] of refusals) {
      const result = await harness.gql(
        LOG,
        { input: { ticketId: ticket.id, ...input } },
        (claims as never) ?? as.agent,
      );
      expect({ input, extensions: result.errors?.[0]?.extensions }).toMatchObject({ input, extensions });
    }
    const minutes = await harness.gql(
      LOG,
      { input: { ticketId: ticket.id, activity: 'REMOTE', minutes: 0 } },
      as.agent,
    );
    expect(minutes.errors?.[0]?.message).toBe(
      'minutes must be a whole number from 1 to 1440 (one day); got 0',
    );
    const customer = await harness.gql(
      LOG,
      { input: { ticketId: ticket.id, activity: 'REMOTE', minutes: 5 } },
      as.customerA,
    );
    expect(customer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    // A technician of another department does not see the ticket at all.
    const outsider = await harness.gql(
      LOG,
      { input: { ticketId: ticket.id, activity: 'REMOTE', minutes: 5 } },
      as.technician,
    );
    expect(outsider.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(await counts()).toBe(before);
  });
});

describe('correcting and withdrawing', () => {
  it('corrects on the entry’s version: one of two concurrent corrections wins, the other is a CONFLICT', async () => {
    const entry = await log({ activity: 'REMOTE', minutes: 20 });
    const attempts = await Promise.all(
      [25, 35].map((minutes) =>
        harness.gql<{ updateTimeEntry: Entry }>(
          UPDATE,
          { input: { id: entry.id, expectedVersion: 1, minutes } },
          as.agent,
        ),
      ),
    );
    const won = attempts.filter((a) => !a.errors);
    const lost = attempts.filter((a) => a.errors);
    expect(won).toHaveLength(1);
    expect(lost[0]?.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
    expect(won[0]?.data?.updateTimeEntry).toMatchObject({ version: 2, activity: 'REMOTE' });
    const updated = (await waitForType('ticket.time_entry_updated')) as { data: Record<string, unknown> };
    expect(updated.data).toMatchObject({
      entryId: entry.id,
      entryVersion: 2,
      previous: { activity: 'REMOTE', minutes: 20, workedOn: today() },
    });
  });

  it('lets only the employee, its logger or a manager change an entry', async () => {
    const entry = await log({ activity: 'ON_SITE', minutes: 15, employeeId: ids.techEmployee }, as.manager);
    const before = await counts();
    const agent = await harness.gql(
      UPDATE,
      { input: { id: entry.id, expectedVersion: 1, minutes: 5 } },
      as.agent,
    );
    expect(agent.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const missing = await harness.gql(
      UPDATE,
      { input: { id: randomUUID(), expectedVersion: 1, minutes: 5 } },
      as.manager,
    );
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const tooMuch = await harness.gql(
      UPDATE,
      { input: { id: entry.id, expectedVersion: 1, minutes: 2000 } },
      as.manager,
    );
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.minutes' });
    expect(await counts()).toBe(before);
  });

  it('withdraws softly with a reason: audited, published, counted nowhere, then unchangeable', async () => {
    const entry = await log({ activity: 'TRAVEL', minutes: 600 });
    const { deleteTimeEntry } = await harness.data<{ deleteTimeEntry: Entry & { deleteReason: string } }>(
      DELETE,
      { input: { id: entry.id, expectedVersion: 1, reason: 'Logged on the wrong ticket' } },
      as.agent,
    );
    expect(deleteTimeEntry).toMatchObject({ version: 2, deleteReason: 'Logged on the wrong ticket' });
    expect(deleteTimeEntry.deletedAt).not.toBeNull();
    const deleted = (await waitForType('ticket.time_entry_deleted')) as { data: Record<string, unknown> };
    expect(deleted.data).toMatchObject({
      entryId: entry.id,
      reason: 'Logged on the wrong ticket',
      minutes: 600,
    });
    const [row] = await harness.sql<{ n: number }>(
      'select count(*)::int as n from time_entries where id = $1',
      [entry.id],
    );
    expect(row?.n).toBe(1);
    const again = await harness.gql(
      DELETE,
      { input: { id: entry.id, expectedVersion: 2, reason: 'again' } },
      as.agent,
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const { ticket: read } = await harness.data<{ ticket: { timeSpent: { totalMinutes: number } } }>(
      TICKET_TIME,
      { id: ticket.id },
      as.manager,
    );
    expect(deleted.data['ticketTotalMinutes']).toBe(read.timeSpent.totalMinutes);
  });
});

describe('reports', () => {
  it('sums per ticket, employee and department within the caller’s tickets', async () => {
    const other = await openTicket(harness, {}, as.manager);
    await harness.data(LOG, { input: { ticketId: other.id, activity: 'REMOTE', minutes: 40 } }, as.agent);
    const filter = { from: today(), to: today() };
    type Report = {
      timeSpent: {
        total: { totalMinutes: number };
        byTicket: { ticketId: string; number: string; spent: { totalMinutes: number } }[];
        byEmployee: { employee: { id: string }; spent: { totalMinutes: number } }[];
        byDepartment: { department: { id: string } | null; spent: { totalMinutes: number } }[];
      };
    };
    const { timeSpent } = await harness.data<Report>(REPORT, { filter }, as.manager);
    const sum = (list: { spent: { totalMinutes: number } }[]) =>
      list.reduce((s, g) => s + g.spent.totalMinutes, 0);
    expect(sum(timeSpent.byTicket)).toBe(timeSpent.total.totalMinutes);
    expect(sum(timeSpent.byEmployee)).toBe(timeSpent.total.totalMinutes);
    expect(sum(timeSpent.byDepartment)).toBe(timeSpent.total.totalMinutes);
    expect(timeSpent.byTicket.find((t) => t.ticketId === other.id)).toMatchObject({
      number: other.number,
      spent: { totalMinutes: 40 },
    });
    const tech = timeSpent.byEmployee.find((e) => e.employee.id === ids.techEmployee)!;
    expect(timeSpent.byDepartment.find((d) => d.department?.id === ids.fieldTech)?.spent.totalMinutes).toBe(
      tech.spent.totalMinutes,
    );
    const narrowed = await harness.data<Report>(
      REPORT,
      { filter: { ...filter, employeeId: ids.agentEmployee, activity: 'REMOTE' } },
      as.analyst,
    );
    expect(narrowed.timeSpent.byEmployee.map((e) => e.employee.id)).toEqual([ids.agentEmployee]);
    const byDepartment = await harness.data<Report>(
      REPORT,
      { filter: { ...filter, departmentId: ids.fieldTech } },
      as.manager,
    );
    expect(byDepartment.timeSpent.total.totalMinutes).toBe(tech.spent.totalMinutes);
    // The technician's department leads none of these tickets.
    const technician = await harness.data<Report>(REPORT, { filter }, as.technician);
    expect(technician.timeSpent.total.totalMinutes).toBe(0);
    const badWindow = await harness.gql(
      REPORT,
      { filter: { from: '2025-01-01', to: '2026-06-01' } },
      as.manager,
    );
    expect(badWindow.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.to' });
    const customer = await harness.gql(REPORT, { filter }, as.customerA);
    expect(customer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });

    const employeeQuery = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Employee { id timeSpent(from: "${today()}", to: "${today()}") { totalMinutes } } } }`;
    const representations = [ids.techEmployee, ids.agentEmployee].map((id) => ({
      __typename: 'Employee',
      id,
    }));
    const employees = await harness.data<{
      _entities: { id: string; timeSpent: { totalMinutes: number } | null }[];
    }>(employeeQuery, { r: representations }, as.manager);
    expect(employees._entities[0]?.timeSpent?.totalMinutes).toBe(tech.spent.totalMinutes);
    const own = await harness.data<{ _entities: { timeSpent: { totalMinutes: number } | null }[] }>(
      employeeQuery,
      { r: representations },
      as.agent,
    );
    expect(own._entities[0]?.timeSpent).toBeNull();
    expect(own._entities[1]?.timeSpent?.totalMinutes).toBeGreaterThan(0);
  });
});

async function waitForType(type: string): Promise<unknown> {
  for (let i = 0; i < 200; i++) {
    const found = harness.events.filter((e) => e.type === type).at(-1);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${type} event`);
}
