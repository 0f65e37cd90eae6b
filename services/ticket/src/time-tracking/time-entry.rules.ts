// Time tracking (docs/product.md §12.7): worklogs on tickets by activity and employee. Pure: what a valid entry is,
// who may log, correct or withdraw time for whom, and the sums per activity, ticket, employee and department.
import { TIME_ACTIVITIES, type EmployeeStatus, type TimeActivity } from '@opsgraph/contracts-events';
import { Role, type KnownCaller } from '@opsgraph/domain';

export { TIME_ACTIVITIES, type TimeActivity };

export const MIN_MINUTES = 1;
/** One entry is at most one day of work (24 h); longer work is logged per day. */
export const MAX_MINUTES = 1440;
/** A report covers at most this many days (a year and a day, so any calendar year fits). */
export const MAX_REPORT_DAYS = 366;

/** Managers log, correct and withdraw time for anyone; the front line only for themselves. */
export const TIME_MANAGER_ROLES: readonly Role[] = [Role.OPS_MANAGER, Role.OPS_DIRECTOR, Role.ADMIN];

export interface TimeEntry {
  readonly id: string;
  readonly version: number;
  readonly ticketId: string;
  readonly employeeId: string;
  /** The employee's department when the time was logged (null when the directory knew none). */
  readonly employeeDepartmentId: string | null;
  readonly activity: TimeActivity;
  readonly minutes: number;
  /** `YYYY-MM-DD` (UTC day). */
  readonly workedOn: string;
  readonly startedAt: Date | null;
  readonly note: string | null;
  /** The user who logged it (the employee, or a manager for them). */
  readonly loggedBy: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly deletedAt: Date | null;
  readonly deletedBy: string | null;
  readonly deleteReason: string | null;
}

/** What a caller states about the work (new or corrected). */
export interface WorkInput {
  readonly activity: TimeActivity;
  readonly minutes: number;
  readonly startedAt: Date | null;
  readonly workedOn: string | null;
}

export interface Problem {
  readonly field: string;
  readonly message: string;
}

/** The UTC day of an instant, `YYYY-MM-DD`. */
export const dayOf = (instant: Date): string => instant.toISOString().slice(0, 10);

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day `YYYY-MM-DD` (2026-02-30 is not one). */
export function isDay(value: string): boolean {
  const match = DAY.exec(value);
  if (match === null) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && dayOf(date) === value;
}

export function minutesProblem(minutes: number, field = 'input.minutes'): Problem | null {
  if (!Number.isInteger(minutes) || minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
    return {
      field,
      message: `minutes must be a whole number from ${MIN_MINUTES} to ${MAX_MINUTES} (one day); got ${minutes}`,
    };
  }
  return null;
}

/**
 * Why the work cannot be logged on a ticket opened at `openedAt`, or null. The day defaults to the day of
 * `startedAt`, else today; neither the start nor the day may lie in the future or before the ticket was opened, and a
 * day given with a start must be the start's day.
 */
export function workProblem(work: WorkInput, openedAt: Date, now: Date): Problem | null {
  const minutes = minutesProblem(work.minutes);
  if (minutes !== null) return minutes;
  if (work.startedAt !== null) {
    const at = work.startedAt.toISOString();
    if (work.startedAt > now)
      return { field: 'input.startedAt', message: `startedAt ${at} is in the future` };
    if (work.startedAt < openedAt) {
      return {
        field: 'input.startedAt',
        message: `startedAt ${at} is before the ticket was opened (${openedAt.toISOString()})`,
      };
    }
  }
  if (work.workedOn !== null) {
    if (!isDay(work.workedOn)) {
      return {
        field: 'input.workedOn',
        message: `workedOn must be a date YYYY-MM-DD; got "${work.workedOn}"`,
      };
    }
    if (work.workedOn > dayOf(now)) {
      return { field: 'input.workedOn', message: `workedOn ${work.workedOn} is in the future` };
    }
    if (work.workedOn < dayOf(openedAt)) {
      return {
        field: 'input.workedOn',
        message: `workedOn ${work.workedOn} is before the ticket was opened (${dayOf(openedAt)})`,
      };
    }
    if (work.startedAt !== null && dayOf(work.startedAt) !== work.workedOn) {
      return {
        field: 'input.workedOn',
        message: `workedOn ${work.workedOn} is not the day of startedAt (${dayOf(work.startedAt)})`,
      };
    }
  }
  return null;
}

/** The day the work counts on: as given, else the start's day, else today. */
export function workedOnOf(work: Pick<WorkInput, 'startedAt' | 'workedOn'>, now: Date): string {
  return work.workedOn ?? dayOf(work.startedAt ?? now);
}

export const isManager = (caller: KnownCaller): boolean => TIME_MANAGER_ROLES.includes(caller.role);

/** Whose time a log is: the employee named, else the caller's own employee id (null: nobody, a refusal). */
export function employeeOf(caller: KnownCaller, employeeId: string | null): string | null {
  return employeeId ?? caller.employeeId ?? null;
}

/** Why the caller may not log time for `employeeId`, or null: a manager for anyone, others only for themselves. */
export function loggingProblem(caller: KnownCaller, employeeId: string): Problem | null {
  if (isManager(caller) || caller.employeeId === employeeId) return null;
  return { field: 'input.employeeId', message: 'Only managers log time for another employee' };
}

/** Only an ACTIVE employee logs time: one ON_LEAVE or LEFT does no work now. */
export function employeeProblem(employeeId: string, status: EmployeeStatus | null): Problem | null {
  if (status === null) return { field: 'input.employeeId', message: `No employee ${employeeId}` };
  if (status !== 'ACTIVE') {
    return { field: 'input.employeeId', message: `Employee ${employeeId} is ${status} and cannot log time` };
  }
  return null;
}

/** Why the caller may not correct or withdraw `entry`, or null: its employee, whoever logged it, or a manager. */
export function entryChangeProblem(caller: KnownCaller, entry: TimeEntry): string | null {
  if (entry.deletedAt !== null) return 'The time entry was deleted and cannot be changed';
  if (isManager(caller)) return null;
  if (caller.employeeId === entry.employeeId || caller.userId === entry.loggedBy) return null;
  return 'Only the employee, whoever logged the entry, or a manager change a time entry';
}

/** The report window (inclusive days): real days, from ≤ to, at most MAX_REPORT_DAYS. */
export function periodProblem(from: string, to: string): Problem | null {
  if (!isDay(from)) return { field: 'filter.from', message: `from must be a date YYYY-MM-DD; got "${from}"` };
  if (!isDay(to)) return { field: 'filter.to', message: `to must be a date YYYY-MM-DD; got "${to}"` };
  if (from > to) return { field: 'filter.to', message: `to ${to} is before from ${from}` };
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_REPORT_DAYS) {
    return { field: 'filter.to', message: `A report covers at most ${MAX_REPORT_DAYS} days; got ${days}` };
  }
  return null;
}

export interface ActivityMinutes {
  readonly activity: TimeActivity;
  readonly minutes: number;
}

export interface TimeSpent {
  readonly totalMinutes: number;
  /** Every activity, in the order of TIME_ACTIVITIES (0 when none was logged). */
  readonly byActivity: readonly ActivityMinutes[];
}

/** A row of logged minutes as the sums see it. */
export type Logged = Pick<TimeEntry, 'activity' | 'minutes' | 'deletedAt'>;

/** The minutes of the entries still standing, in all and per activity. */
export function timeSpentOf(entries: Iterable<Logged>): TimeSpent {
  const per = new Map<TimeActivity, number>(TIME_ACTIVITIES.map((activity) => [activity, 0]));
  let totalMinutes = 0;
  for (const entry of entries) {
    if (entry.deletedAt !== null) continue;
    per.set(entry.activity, (per.get(entry.activity) ?? 0) + entry.minutes);
    totalMinutes += entry.minutes;
  }
  return {
    totalMinutes,
    byActivity: TIME_ACTIVITIES.map((activity) => ({ activity, minutes: per.get(activity)! })),
  };
}

export interface Group<K> {
  readonly key: K;
  readonly spent: TimeSpent;
}

/** The entries still standing summed per `keyOf` (null keys kept as their own group), most minutes first, then key. */
export function sumBy<E extends Logged, K extends string | null>(
  entries: Iterable<E>,
  keyOf: (entry: E) => K,
): Group<K>[] {
  const groups = new Map<K, E[]>();
  for (const entry of entries) {
    if (entry.deletedAt !== null) continue;
    const key = keyOf(entry);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups.entries()]
    .map(([key, list]) => ({ key, spent: timeSpentOf(list) }))
    .sort(
      (a, b) =>
        b.spent.totalMinutes - a.spent.totalMinutes || String(a.key ?? '').localeCompare(String(b.key ?? '')),
    );
}
