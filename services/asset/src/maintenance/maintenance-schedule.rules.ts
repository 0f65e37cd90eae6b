// When a maintenance plan is next due (docs/product.md §4.1): every N days, weeks or months from the last time it was
// done (or from when the plan began to cover the asset), or every N operating hours from the meter reading at the
// last time. Months keep the day of month, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). Pure.
import { BadUserInputError } from '@opsgraph/domain';
import { addDays, addMonths } from '../calendar.rules';

export const INTERVAL_UNITS = ['DAYS', 'WEEKS', 'MONTHS', 'OPERATING_HOURS'] as const;
export type IntervalUnit = (typeof INTERVAL_UNITS)[number];

export interface Interval {
  readonly unit: IntervalUnit;
  readonly value: number;
}

export interface Due {
  /** Calendar plans: the day it is due (YYYY-MM-DD). */
  readonly dueOn: string | null;
  /** Operating-hour plans: the meter reading at which it is due. */
  readonly dueAtHours: number | null;
}

export const MAX_INTERVAL: Readonly<Record<IntervalUnit, number>> = {
  DAYS: 3650,
  WEEKS: 520,
  MONTHS: 120,
  OPERATING_HOURS: 100_000,
};

export function checkInterval(interval: Interval, field = 'input.intervalValue'): Interval {
  const max = MAX_INTERVAL[interval.unit];
  if (!Number.isInteger(interval.value) || interval.value < 1 || interval.value > max) {
    throw new BadUserInputError(
      `intervalValue must be a whole number from 1 to ${max} for ${interval.unit}`,
      field,
    );
  }
  return interval;
}

/** The next due point after maintenance done on `doneOn` with the meter at `hoursAtDone`. */
export function nextDue(interval: Interval, doneOn: string, hoursAtDone: number): Due {
  switch (interval.unit) {
    case 'DAYS':
      return { dueOn: addDays(doneOn, interval.value), dueAtHours: null };
    case 'WEEKS':
      return { dueOn: addDays(doneOn, 7 * interval.value), dueAtHours: null };
    case 'MONTHS':
      return { dueOn: addMonths(doneOn, interval.value), dueAtHours: null };
    case 'OPERATING_HOURS':
      return { dueOn: null, dueAtHours: hoursAtDone + interval.value };
  }
}

/** Overdue: the due day has passed (due today is not yet overdue), or the meter has reached the due reading. */
export function isOverdue(due: Due, today: string, operatingHours: number): boolean {
  if (due.dueOn !== null) return due.dueOn < today;
  return due.dueAtHours !== null && operatingHours >= due.dueAtHours;
}

/** The plan's interval in days, for comparing it with a mean time between failures (hours plans: null). */
export function intervalDays(interval: Interval): number | null {
  switch (interval.unit) {
    case 'DAYS':
      return interval.value;
    case 'WEEKS':
      return 7 * interval.value;
    case 'MONTHS':
      return (365.25 / 12) * interval.value;
    case 'OPERATING_HOURS':
      return null;
  }
}

/** The due point's identity, so an overdue is reported once per plan, asset and due point (hours to one decimal). */
export function dueKey(due: Due): string {
  return due.dueOn ?? `h${(due.dueAtHours ?? 0).toFixed(1)}`;
}
