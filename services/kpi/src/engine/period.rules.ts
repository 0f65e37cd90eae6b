// KPI periods (docs/product.md §KPI). Facts are bucketed into civil days in one configured time zone; a week
// (ISO, Monday first), month, quarter or year is the inclusive range of its days, so every longer period is a
// merge of day cells and never a rescan of facts. Day arithmetic is on civil dates (no zone), so DST does not
// shift a day boundary: the zone matters only when an instant is placed in its day.
import { BadUserInputError } from '@opsgraph/domain';

/** A civil date, `YYYY-MM-DD`. */
export type Day = string;

export const PERIOD_KINDS = ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  /** First day, inclusive. */
  start: Day;
  /** Last day, inclusive. */
  end: Day;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** @throws RangeError for an unknown IANA zone (config validation calls this at start-up). */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** The civil day an instant falls in, in `timeZone`. */
export function dayOf(instant: Date | string, timeZone: string): Day {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an instant: ${String(instant)}`);
  const parts = formatterFor(timeZone).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const toUtc = (day: Day): Date => new Date(`${day}T00:00:00.000Z`);
const fromUtc = (date: Date): Day => date.toISOString().slice(0, 10);

export function isDay(text: string): boolean {
  const match = DAY.exec(text);
  return match !== null && fromUtc(toUtc(text)) === text;
}

export function addDays(day: Day, days: number): Day {
  const date = toUtc(day);
  date.setUTCDate(date.getUTCDate() + days);
  return fromUtc(date);
}

/** The period of `kind` that contains `day`. */
export function periodContaining(kind: PeriodKind, day: Day): Period {
  if (!isDay(day)) throw new BadUserInputError(`not a date (YYYY-MM-DD): ${day}`, 'period.date');
  const date = toUtc(day);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const range = (start: Date, endExclusive: Date): Period => ({
    kind,
    start: fromUtc(start),
    end: addDays(fromUtc(endExclusive), -1),
  });
  switch (kind) {
    case 'DAY':
      return { kind, start: day, end: day };
    case 'WEEK': {
      const mondayOffset = (date.getUTCDay() + 6) % 7;
      const start = addDays(day, -mondayOffset);
      return { kind, start, end: addDays(start, 6) };
    }
    case 'MONTH':
      return range(new Date(Date.UTC(year, month, 1)), new Date(Date.UTC(year, month + 1, 1)));
    case 'QUARTER': {
      const first = month - (month % 3);
      return range(new Date(Date.UTC(year, first, 1)), new Date(Date.UTC(year, first + 3, 1)));
    }
    case 'YEAR':
      return range(new Date(Date.UTC(year, 0, 1)), new Date(Date.UTC(year + 1, 0, 1)));
  }
}
