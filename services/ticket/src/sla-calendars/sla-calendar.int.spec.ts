import { randomUUID } from 'node:crypto';
import { as, change, ids, openTicket } from '../test-support/fixtures';
import { startTicketHarness, type TicketHarness } from '../test-support/ticket-harness';

const CALENDAR_FIELDS =
  'id version name timeZone hours { weekday from to } holidays { date name } assignments { scope key }';
const DEFINE = `mutation($input: DefineSlaCalendarInput!) { defineSlaCalendar(input: $input) { ${CALENDAR_FIELDS} } }`;
const CHANGE = `mutation($input: ChangeSlaCalendarInput!) { changeSlaCalendar(input: $input) { ${CALENDAR_FIELDS} } }`;

interface CalendarView {
  id: string;
  version: number;
  name: string;
  assignments: { scope: string; key: string }[];
}

const weekdays = (from: string, to: string) =>
  ['MON', 'TUE', 'WED', 'THU', 'FRI'].map((weekday) => ({ weekday, from, to }));

const berlin = (assignments: { scope: string; key: string }[], name = `Berlin ${randomUUID()}`) => ({
  name,
  timeZone: 'Europe/Berlin',
  hours: weekdays('09:00', '17:00'),
  holidays: [{ date: '12-25', name: 'Christmas Day' }],
  assignments,
});

let harness: TicketHarness;
beforeAll(async () => {
  harness = await startTicketHarness('ticket-sla-calendars');
});
afterAll(() => harness?.stop());

const footprint = async () =>
  Promise.all([
    harness.sql('select count(*)::int as n from sla_calendars'),
    harness.sql('select count(*)::int as n from sla_calendar_assignments'),
    harness.sql(`select count(*)::int as n from audit_log where aggregate_type = 'calendar'`),
    harness.sql(`select count(*)::int as n from outbox where aggregate_type = 'calendar'`),
  ]);

/** The test clock runs on from where it is set, so instants during open hours drift by the milliseconds a call takes. */
function expectNear(actual: string, expected: string): void {
  expect(Math.abs(new Date(actual).getTime() - new Date(expected).getTime())).toBeLessThan(1000);
}

/** Moves the service's clock to `instant`. */
function setClock(instant: string): void {
  harness.clock.advance(new Date(instant).getTime() - harness.clock.now().getTime());
}

describe('SLA calendars (real PostgreSQL)', () => {
  it('a P1 opened on Friday evening under a business-hours calendar is due on Monday within hours', async () => {
    const customerId = randomUUID();
    await harness.know({ customers: [customerId], customerTiers: { [customerId]: 'VIP' } });
    const { defineSlaCalendar: calendar } = await harness.data<{ defineSlaCalendar: CalendarView }>(
      DEFINE,
      { input: berlin([{ scope: 'CUSTOMER_TIER', key: 'VIP' }]) },
      as.director,
    );
    expect(calendar).toMatchObject({ version: 1, assignments: [{ scope: 'CUSTOMER_TIER', key: 'VIP' }] });

    setClock('2026-12-04T19:00:00+01:00'); // a Friday, after closing
    const ticket = await openTicket(harness, { customerId, urgency: 'HIGH', impact: 'HIGH' });
    expect(ticket.priority).toBe('P1');
    // 15 min and 4 h of business time from Monday 09:00 Berlin.
    expect(ticket.sla.responseDueAt).toBe('2026-12-07T08:15:00.000Z');
    expect(ticket.sla.resolutionDueAt).toBe('2026-12-07T12:00:00.000Z');

    // A ticket of a customer without the tier keeps the 24×7 clock.
    const other = await openTicket(harness, { urgency: 'HIGH', impact: 'HIGH' });
    expect(other.sla.resolutionDueAt).toBe(
      new Date(new Date(other.createdAt).getTime() + 4 * 3600_000).toISOString(),
    );

    // A pause from Monday 09:30 to Tuesday 09:30 counts 8 working hours, not 24.
    setClock('2026-12-07T09:00:00+01:00');
    let worked = await change(harness, 'assignTicket', 'AssignTicketInput', {
      ticketId: ticket.id,
      expectedVersion: ticket.version,
      assigneeId: ids.agentEmployee,
    });
    worked = await change(harness, 'startTicketWork', 'StartTicketWorkInput', {
      ticketId: worked.id,
      expectedVersion: worked.version,
    });
    setClock('2026-12-07T09:30:00+01:00');
    worked = await change(harness, 'awaitCustomer', 'AwaitCustomerInput', {
      ticketId: worked.id,
      expectedVersion: worked.version,
    });
    setClock('2026-12-08T09:30:00+01:00');
    worked = await change(harness, 'recordCustomerResponse', 'RecordCustomerResponseInput', {
      ticketId: worked.id,
      expectedVersion: worked.version,
    });
    expect(worked.sla).toMatchObject({ paused: false, pausedSeconds: 8 * 3600 });
    expectNear(worked.sla.resolutionDueAt, '2026-12-08T12:00:00.000Z');
  });

  it('prefers the department’s calendar over the priority’s, and changes apply to tickets opened afterwards', async () => {
    const department = randomUUID();
    await harness.know({ departments: [department] });
    const { defineSlaCalendar: byPriority } = await harness.data<{ defineSlaCalendar: CalendarView }>(
      DEFINE,
      {
        input: {
          ...berlin([{ scope: 'PRIORITY', key: 'P3' }]),
          timeZone: 'Asia/Shanghai',
          hours: weekdays('09:00', '18:00'),
        },
      },
      as.admin,
    );
    const { defineSlaCalendar: byDepartment } = await harness.data<{ defineSlaCalendar: CalendarView }>(
      DEFINE,
      { input: berlin([{ scope: 'DEPARTMENT', key: department }]) },
      as.admin,
    );
    setClock('2026-12-09T08:00:00+01:00'); // Wednesday, before opening in Berlin; 15:00 in Shanghai
    const p3 = { urgency: 'MEDIUM', impact: 'MEDIUM' };
    const inDepartment = await openTicket(harness, { ...p3, departmentId: department });
    expect(inDepartment.sla.responseDueAt).toBe('2026-12-09T12:00:00.000Z'); // 09:00 + 4 h Berlin
    const elsewhere = await openTicket(harness, p3);
    // 15:00 in Shanghai: 3 h until closing, then 1 h on Thursday.
    expectNear(elsewhere.sla.responseDueAt, '2026-12-10T02:00:00.000Z');

    const { changeSlaCalendar: changed } = await harness.data<{ changeSlaCalendar: CalendarView }>(
      CHANGE,
      {
        input: {
          ...berlin([{ scope: 'DEPARTMENT', key: department }], 'Berlin late shift'),
          hours: weekdays('12:00', '20:00'),
          calendarId: byDepartment.id,
          expectedVersion: byDepartment.version,
        },
      },
      as.admin,
    );
    expect(changed).toMatchObject({ version: 2, name: 'Berlin late shift' });
    const later = await openTicket(harness, { ...p3, departmentId: department });
    expect(later.sla.responseDueAt).toBe('2026-12-09T15:00:00.000Z'); // 12:00 + 4 h Berlin
    const [kept] = await harness.sql<{ due: Date }>(
      'select response_due_at as due from tickets where id = $1',
      [inDepartment.id],
    );
    expect(kept!.due.toISOString()).toBe('2026-12-09T12:00:00.000Z');
    expect(byPriority.assignments).toEqual([{ scope: 'PRIORITY', key: 'P3' }]);
  });

  it('refuses bad input, a scope already held and other roles, writing nothing', async () => {
    await harness.data(DEFINE, { input: berlin([{ scope: 'PRIORITY', key: 'P4' }]) }, as.admin);
    const before = await footprint();
    const refuse = async (input: Record<string, unknown>, claims = as.admin) =>
      (await harness.gql(DEFINE, { input }, claims)).errors?.[0]?.extensions;

    expect(await refuse({ ...berlin([]), timeZone: 'Mars/Olympus' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.timeZone',
    });
    expect(
      await refuse({ ...berlin([]), hours: [{ weekday: 'MON', from: '18:00', to: '09:00' }] }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.hours.MON',
    });
    expect(await refuse({ ...berlin([]), holidays: [{ date: '2026-02-30x', name: 'x' }] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.holidays.0.date',
    });
    expect(await refuse(berlin([{ scope: 'PRIORITY', key: 'P9' }]))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.assignments.0.key',
    });
    expect(await refuse(berlin([{ scope: 'PRIORITY', key: 'P4' }]))).toMatchObject({
      code: 'CONFLICT',
      field: 'input.assignments',
    });
    expect(await refuse(berlin([]), as.agent)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refuse(berlin([]), as.manager)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await footprint()).toEqual(before);
  });

  it('publishes each definition and change with the calendar after it', async () => {
    const { defineSlaCalendar: calendar } = await harness.data<{ defineSlaCalendar: CalendarView }>(
      DEFINE,
      { input: berlin([]) },
      as.admin,
    );
    const [row] = await harness.sql<{
      type: string;
      payload: { data: { calendarId: string; hours: unknown[] } };
    }>(`select event_type as type, payload from outbox where aggregate_id = $1`, [calendar.id]);
    expect(row).toMatchObject({ type: 'calendar.defined' });
    expect(row!.payload.data).toMatchObject({ calendarId: calendar.id, name: calendar.name });
    expect(row!.payload.data.hours).toHaveLength(5);
  });
});
