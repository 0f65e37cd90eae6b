// The calendar a ticket's SLA clock counts in (docs/product.md §12.1): which assignment wins, what the ticket keeps
// of the calendar, and which calendar inputs are refused.
import { CONTINUOUS_CALENDAR } from '../sla/sla-calendar';
import { BusinessHoursCalendar } from './business-hours.rules';
import {
  calendarInputProblems,
  calendarOf,
  chooseCalendar,
  snapshotOfCalendar,
  type CalendarAssignment,
  type SlaCalendarRecord,
} from './sla-calendar.rules';

const DEPARTMENT = '0b6f3c1e-2a4d-4c8e-9f10-1a2b3c4d5e6f';
const OTHER_DEPARTMENT = '7d9e1f20-3b4c-4d5e-8f60-718293a4b5c6';
const OFFICE_HOURS = {
  timeZone: 'Europe/Berlin',
  hours: { MON: [{ from: '09:00', to: '17:00' }] },
  holidays: [{ date: '12-25', name: 'Christmas Day' }],
};

const assigned = (calendarId: string, scope: CalendarAssignment['scope'], key: string) => ({
  calendarId,
  scope,
  key,
});
const ALL_SCOPES = [
  assigned('by-priority', 'PRIORITY', 'P1'),
  assigned('by-department', 'DEPARTMENT', DEPARTMENT),
  assigned('by-tier', 'CUSTOMER_TIER', 'VIP'),
];

describe('chooseCalendar: the most specific assignment applies (§12.1)', () => {
  it('the customer tier wins over department and priority (what was promised to the customer)', () => {
    expect(chooseCalendar(ALL_SCOPES, { tier: 'VIP', departmentId: DEPARTMENT, priority: 'P1' })).toEqual({
      calendarId: 'by-tier',
      assignment: { scope: 'CUSTOMER_TIER', key: 'VIP' },
    });
  });

  it('without a tier assignment, the lead department wins over the priority', () => {
    expect(
      chooseCalendar(ALL_SCOPES, { tier: 'STANDARD', departmentId: DEPARTMENT, priority: 'P1' }),
    ).toEqual({
      calendarId: 'by-department',
      assignment: { scope: 'DEPARTMENT', key: DEPARTMENT },
    });
    expect(
      chooseCalendar(ALL_SCOPES, { tier: null, departmentId: DEPARTMENT, priority: 'P1' })?.calendarId,
    ).toBe('by-department');
  });

  it("falls back to the priority's calendar when neither tier nor department has one", () => {
    expect(chooseCalendar(ALL_SCOPES, { tier: null, departmentId: null, priority: 'P1' })).toEqual({
      calendarId: 'by-priority',
      assignment: { scope: 'PRIORITY', key: 'P1' },
    });
    expect(
      chooseCalendar(ALL_SCOPES, { tier: 'KEY_ACCOUNT', departmentId: OTHER_DEPARTMENT, priority: 'P1' })
        ?.calendarId,
    ).toBe('by-priority');
  });

  it('an assignment must match both scope and key: a department id equal to a tier name is not that tier', () => {
    const confusable = [assigned('dept-named-vip', 'DEPARTMENT', 'VIP')];
    expect(chooseCalendar(confusable, { tier: 'VIP', departmentId: null, priority: 'P2' })).toBeNull();
  });

  it('keeps the 24×7 clock (null) when nothing applies', () => {
    expect(
      chooseCalendar(ALL_SCOPES, { tier: 'STANDARD', departmentId: OTHER_DEPARTMENT, priority: 'P4' }),
    ).toBeNull();
    expect(chooseCalendar([], { tier: 'VIP', departmentId: DEPARTMENT, priority: 'P1' })).toBeNull();
  });
});

describe('calendarOf: the working time a ticket counts in', () => {
  it('a ticket without a calendar counts every wall-clock second (24×7)', () => {
    expect(calendarOf(null)).toBe(CONTINUOUS_CALENDAR);
  });

  it("a ticket with a calendar counts only that calendar's opening hours", () => {
    const calendar = calendarOf({ id: 'c1', name: 'Office', ...OFFICE_HOURS });
    expect(calendar).toBeInstanceOf(BusinessHoursCalendar);
    // Monday 2026-03-02 08:00 Berlin (07:00Z): one working hour later is 10:00 Berlin, not 09:00.
    expect(calendar.addWorkingSeconds(new Date('2026-03-02T07:00:00Z'), 3600).toISOString()).toBe(
      '2026-03-02T09:00:00.000Z',
    );
  });
});

describe('snapshotOfCalendar: the ticket keeps the definition, not the record', () => {
  it('keeps id, name, zone, hours and holidays, and nothing that a later edit changes about the record', () => {
    const record: SlaCalendarRecord = {
      id: 'c1',
      version: 3,
      name: 'Office',
      ...OFFICE_HOURS,
      assignments: [{ scope: 'PRIORITY', key: 'P1' }],
      createdAt: new Date('2026-01-01T00:00:00Z'),
      updatedAt: new Date('2026-02-01T00:00:00Z'),
    };
    expect(snapshotOfCalendar(record)).toEqual({ id: 'c1', name: 'Office', ...OFFICE_HOURS });
  });
});

describe('calendarInputProblems: a refused calendar names the field and says why', () => {
  const input = (assignments: CalendarAssignment[], definition = OFFICE_HOURS) => ({
    ...definition,
    assignments,
  });

  it('accepts valid keys for every scope', () => {
    expect(
      calendarInputProblems(
        input([
          { scope: 'CUSTOMER_TIER', key: 'KEY_ACCOUNT' },
          { scope: 'DEPARTMENT', key: DEPARTMENT },
          { scope: 'PRIORITY', key: 'P4' },
        ]),
      ),
    ).toEqual([]);
  });

  it('puts definition problems under input.', () => {
    expect(calendarInputProblems(input([], { ...OFFICE_HOURS, timeZone: 'Mars/Olympus' }))).toEqual([
      { field: 'input.timeZone', message: 'Unknown IANA time zone Mars/Olympus' },
    ]);
  });

  it.each([
    ['CUSTOMER_TIER', 'GOLD'],
    ['CUSTOMER_TIER', 'P1'],
    ['PRIORITY', 'P5'],
    ['PRIORITY', 'VIP'],
    ['DEPARTMENT', 'sales'],
    ['DEPARTMENT', 'P1'],
  ] as const)('refuses a %s key that is not one (%s)', (scope, key) => {
    expect(
      calendarInputProblems(
        input([
          { scope: 'PRIORITY', key: 'P1' },
          { scope, key },
        ]),
      ),
    ).toEqual([{ field: 'input.assignments.1.key', message: `Not a valid ${scope} key: ${key}` }]);
  });

  it('refuses the same scope and key assigned twice, at the second one', () => {
    expect(
      calendarInputProblems(
        input([
          { scope: 'PRIORITY', key: 'P1' },
          { scope: 'PRIORITY', key: 'P2' },
          { scope: 'PRIORITY', key: 'P1' },
        ]),
      ),
    ).toEqual([{ field: 'input.assignments.2.key', message: 'Assigned twice: PRIORITY:P1' }]);
  });

  it('the same key under two scopes is not a duplicate', () => {
    expect(
      calendarInputProblems(
        input([
          { scope: 'DEPARTMENT', key: DEPARTMENT },
          { scope: 'DEPARTMENT', key: OTHER_DEPARTMENT },
          { scope: 'PRIORITY', key: 'P3' },
        ]),
      ),
    ).toEqual([]);
  });
});
