import { callerWith, Role } from '@opsgraph/domain';
import {
  dayOf,
  employeeOf,
  employeeProblem,
  entryChangeProblem,
  isDay,
  isManager,
  loggingProblem,
  MAX_MINUTES,
  MAX_REPORT_DAYS,
  MIN_MINUTES,
  minutesProblem,
  periodProblem,
  sumBy,
  TIME_MANAGER_ROLES,
  timeSpentOf,
  workedOnOf,
  workProblem,
  type TimeEntry,
  type WorkInput,
} from './time-entry.rules';

const opened = new Date('2026-03-02T09:00:00.000Z');
const now = new Date('2026-03-05T15:30:00.000Z');
const work = (overrides: Partial<WorkInput> = {}): WorkInput => ({
  activity: 'ON_SITE',
  minutes: 60,
  startedAt: null,
  workedOn: null,
  ...overrides,
});

const technician = callerWith(Role.TECHNICIAN, {
  userId: 'u-tech',
  employeeId: 'e-tech',
  departmentId: 'd1',
})!;
const agent = callerWith(Role.AGENT, { userId: 'u-agent', employeeId: 'e-agent', departmentId: 'd1' })!;
const manager = callerWith(Role.OPS_MANAGER, { userId: 'u-manager' })!;
const director = callerWith(Role.OPS_DIRECTOR, { userId: 'u-director' })!;
const admin = callerWith(Role.ADMIN, { userId: 'u-admin' })!;
const analyst = callerWith(Role.ANALYST, { userId: 'u-analyst', employeeId: 'e-analyst' })!;

const entry = (overrides: Partial<TimeEntry> = {}): TimeEntry => ({
  id: 'te-1',
  version: 1,
  ticketId: 't-1',
  employeeId: 'e-tech',
  employeeDepartmentId: 'd1',
  activity: 'ON_SITE',
  minutes: 60,
  workedOn: '2026-03-04',
  startedAt: null,
  note: null,
  loggedBy: 'u-tech',
  createdAt: now,
  updatedAt: now,
  deletedAt: null,
  deletedBy: null,
  deleteReason: null,
  ...overrides,
});

describe('minutes', () => {
  it('accepts whole minutes from 1 to 1440 and says so otherwise, naming the field', () => {
    expect([MIN_MINUTES, MAX_MINUTES]).toEqual([1, 1440]);
    expect(minutesProblem(1)).toBeNull();
    expect(minutesProblem(1440)).toBeNull();
    expect(minutesProblem(0)).toEqual({
      field: 'input.minutes',
      message: 'minutes must be a whole number from 1 to 1440 (one day); got 0',
    });
    expect(minutesProblem(1441)?.message).toBe(
      'minutes must be a whole number from 1 to 1440 (one day); got 1441',
    );
    expect(minutesProblem(-5)?.field).toBe('input.minutes');
    expect(minutesProblem(1.5)?.field).toBe('input.minutes');
    expect(minutesProblem(30, 'minutes')?.field).toBeUndefined();
    expect(minutesProblem(0, 'minutes')?.field).toBe('minutes');
  });
});

describe('days', () => {
  it('knows real calendar days only', () => {
    expect(isDay('2026-03-05')).toBe(true);
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-13-01')).toBe(false);
    expect(isDay('2026-3-5')).toBe(false);
    expect(isDay(' 2026-03-05')).toBe(false);
    expect(isDay('2026-03-05x')).toBe(false);
    expect(isDay('yesterday')).toBe(false);
    expect(dayOf(new Date('2026-03-05T23:59:59.999Z'))).toBe('2026-03-05');
  });
});

describe('workProblem', () => {
  it('accepts work today, on the opening day, or started between opening and now', () => {
    expect(workProblem(work(), opened, now)).toBeNull();
    expect(workProblem(work({ workedOn: '2026-03-02' }), opened, now)).toBeNull();
    expect(workProblem(work({ workedOn: '2026-03-05' }), opened, now)).toBeNull();
    expect(workProblem(work({ startedAt: opened }), opened, now)).toBeNull();
    expect(workProblem(work({ startedAt: now }), opened, now)).toBeNull();
    expect(
      workProblem(work({ startedAt: new Date('2026-03-04T08:00:00Z'), workedOn: '2026-03-04' }), opened, now),
    ).toBeNull();
  });

  it('checks the minutes first', () => {
    expect(workProblem(work({ minutes: 0, workedOn: 'nonsense' }), opened, now)?.field).toBe('input.minutes');
  });

  it('refuses a start in the future or before the ticket was opened', () => {
    expect(workProblem(work({ startedAt: new Date(now.getTime() + 1) }), opened, now)).toEqual({
      field: 'input.startedAt',
      message: 'startedAt 2026-03-05T15:30:00.001Z is in the future',
    });
    expect(workProblem(work({ startedAt: new Date(opened.getTime() - 1) }), opened, now)).toEqual({
      field: 'input.startedAt',
      message:
        'startedAt 2026-03-02T08:59:59.999Z is before the ticket was opened (2026-03-02T09:00:00.000Z)',
    });
  });

  it('refuses a malformed day, a future day, a day before opening, and a day other than the start’s', () => {
    expect(workProblem(work({ workedOn: '2026-02-30' }), opened, now)).toEqual({
      field: 'input.workedOn',
      message: 'workedOn must be a date YYYY-MM-DD; got "2026-02-30"',
    });
    expect(workProblem(work({ workedOn: '2026-03-06' }), opened, now)).toEqual({
      field: 'input.workedOn',
      message: 'workedOn 2026-03-06 is in the future',
    });
    expect(workProblem(work({ workedOn: '2026-03-01' }), opened, now)).toEqual({
      field: 'input.workedOn',
      message: 'workedOn 2026-03-01 is before the ticket was opened (2026-03-02)',
    });
    expect(
      workProblem(work({ startedAt: new Date('2026-03-04T08:00:00Z'), workedOn: '2026-03-03' }), opened, now),
    ).toEqual({
      field: 'input.workedOn',
      message: 'workedOn 2026-03-03 is not the day of startedAt (2026-03-04)',
    });
  });

  it('counts the day as given, else the start’s, else today', () => {
    expect(workedOnOf({ workedOn: '2026-03-03', startedAt: null }, now)).toBe('2026-03-03');
    expect(workedOnOf({ workedOn: null, startedAt: new Date('2026-03-04T23:00:00Z') }, now)).toBe(
      '2026-03-04',
    );
    expect(workedOnOf({ workedOn: null, startedAt: null }, now)).toBe('2026-03-05');
  });
});

describe('who logs for whom', () => {
  it('managers are OPS_MANAGER, OPS_DIRECTOR and ADMIN', () => {
    expect(TIME_MANAGER_ROLES).toEqual([Role.OPS_MANAGER, Role.OPS_DIRECTOR, Role.ADMIN]);
    expect([manager, director, admin].map(isManager)).toEqual([true, true, true]);
    expect([agent, technician, analyst].map(isManager)).toEqual([false, false, false]);
  });

  it('defaults to the caller’s own employee id', () => {
    expect(employeeOf(technician, null)).toBe('e-tech');
    expect(employeeOf(technician, 'e-other')).toBe('e-other');
    expect(employeeOf(manager, null)).toBeNull();
  });

  it('lets staff log for themselves and managers for anyone', () => {
    expect(loggingProblem(technician, 'e-tech')).toBeNull();
    expect(loggingProblem(technician, 'e-agent')).toEqual({
      field: 'input.employeeId',
      message: 'Only managers log time for another employee',
    });
    expect(loggingProblem(manager, 'e-tech')).toBeNull();
    expect(loggingProblem(admin, 'e-agent')).toBeNull();
  });

  it('takes ACTIVE employees only', () => {
    expect(employeeProblem('e-1', 'ACTIVE')).toBeNull();
    expect(employeeProblem('e-1', null)).toEqual({ field: 'input.employeeId', message: 'No employee e-1' });
    expect(employeeProblem('e-1', 'ON_LEAVE')).toEqual({
      field: 'input.employeeId',
      message: 'Employee e-1 is ON_LEAVE and cannot log time',
    });
    expect(employeeProblem('e-1', 'LEFT')?.message).toBe('Employee e-1 is LEFT and cannot log time');
  });

  it('lets the employee, whoever logged the entry, or a manager change it, never a deleted one', () => {
    expect(entryChangeProblem(technician, entry())).toBeNull();
    expect(entryChangeProblem(agent, entry({ loggedBy: 'u-agent' }))).toBeNull();
    expect(entryChangeProblem(manager, entry({ loggedBy: 'u-admin', employeeId: 'e-x' }))).toBeNull();
    expect(entryChangeProblem(agent, entry())).toBe(
      'Only the employee, whoever logged the entry, or a manager change a time entry',
    );
    expect(entryChangeProblem(manager, entry({ deletedAt: now }))).toBe(
      'The time entry was deleted and cannot be changed',
    );
  });
});

describe('periodProblem', () => {
  it('takes real days, in order, up to a year and a day', () => {
    expect(MAX_REPORT_DAYS).toBe(366);
    expect(periodProblem('2026-03-01', '2026-03-01')).toBeNull();
    expect(periodProblem('2024-01-01', '2024-12-31')).toBeNull();
    expect(periodProblem('2025-01-01', '2026-01-01')).toBeNull();
    expect(periodProblem('2025-01-01', '2026-01-02')).toEqual({
      field: 'filter.to',
      message: 'A report covers at most 366 days; got 367',
    });
    expect(periodProblem('2026-03-02', '2026-03-01')).toEqual({
      field: 'filter.to',
      message: 'to 2026-03-01 is before from 2026-03-02',
    });
    expect(periodProblem('2026-3-1', '2026-03-01')).toEqual({
      field: 'filter.from',
      message: 'from must be a date YYYY-MM-DD; got "2026-3-1"',
    });
    expect(periodProblem('2026-03-01', 'soon')).toEqual({
      field: 'filter.to',
      message: 'to must be a date YYYY-MM-DD; got "soon"',
    });
  });
});

describe('sums', () => {
  const entries = [
    entry({ id: 'a', activity: 'DIAGNOSIS', minutes: 30, employeeId: 'e1', ticketId: 't1' }),
    entry({ id: 'b', activity: 'ON_SITE', minutes: 90, employeeId: 'e1', ticketId: 't2' }),
    entry({ id: 'c', activity: 'TRAVEL', minutes: 45, employeeId: 'e2', ticketId: 't2' }),
    entry({ id: 'd', activity: 'DIAGNOSIS', minutes: 15, employeeId: 'e2', ticketId: 't1' }),
    entry({ id: 'x', activity: 'REMOTE', minutes: 500, employeeId: 'e3', ticketId: 't3', deletedAt: now }),
  ];

  it('sums standing entries in all and per activity, every activity listed in order', () => {
    expect(timeSpentOf(entries)).toEqual({
      totalMinutes: 180,
      byActivity: [
        { activity: 'DIAGNOSIS', minutes: 45 },
        { activity: 'ON_SITE', minutes: 90 },
        { activity: 'REMOTE', minutes: 0 },
        { activity: 'TRAVEL', minutes: 45 },
      ],
    });
    expect(timeSpentOf([]).totalMinutes).toBe(0);
  });

  it('groups per key, most minutes first, ties by key, withdrawn entries nowhere', () => {
    const byTicket = sumBy(entries, (e) => e.ticketId);
    expect(byTicket.map((g) => [g.key, g.spent.totalMinutes])).toEqual([
      ['t2', 135],
      ['t1', 45],
    ]);
    const byEmployee = sumBy(entries, (e) => e.employeeId);
    expect(byEmployee.map((g) => [g.key, g.spent.totalMinutes])).toEqual([
      ['e1', 120],
      ['e2', 60],
    ]);
    const tie = sumBy(
      [entry({ employeeId: 'b', minutes: 10 }), entry({ employeeId: 'a', minutes: 10 })],
      (e) => e.employeeId,
    );
    expect(tie.map((g) => g.key)).toEqual(['a', 'b']);
    const departments = sumBy(
      [
        entry({ employeeDepartmentId: null, minutes: 20 }),
        entry({ employeeDepartmentId: 'd1', minutes: 20 }),
        entry({ employeeDepartmentId: null, minutes: 5 }),
      ],
      (e) => e.employeeDepartmentId,
    );
    expect(departments.map((g) => [g.key, g.spent.totalMinutes])).toEqual([
      [null, 25],
      ['d1', 20],
    ]);
    expect(byTicket[0]!.spent.byActivity.find((a) => a.activity === 'TRAVEL')?.minutes).toBe(45);
  });
});
