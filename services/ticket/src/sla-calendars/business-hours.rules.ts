// Business-hours working time for SLA clocks (docs/product.md §12.1): opening hours per weekday in an IANA time
// zone, minus holidays. Pure: local wall times are resolved through Intl, so DST changes shorten or lengthen the
// local day exactly as the wall clock does.
import type { SlaCalendar } from '../sla/sla-calendar';

export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local wall times `HH:MM`; `to` may be `24:00`; `from` < `to` (no range runs over midnight). */
export interface OpeningRange {
  readonly from: string;
  readonly to: string;
}

/** `YYYY-MM-DD` closes that date; `MM-DD` closes that day every year. */
export interface Holiday {
  readonly date: string;
  readonly name: string;
}

export interface CalendarDefinition {
  readonly timeZone: string;
  /** A weekday missing or with no ranges is closed. */
  readonly hours: Readonly<Partial<Record<Weekday, readonly OpeningRange[]>>>;
  readonly holidays: readonly Holiday[];
}

const DAY_MS = 86_400_000;
/** How far a calendar may look for opening hours before it is considered never open. */
const MAX_DAYS = 3 * 366;

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;
const DATED = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const YEARLY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** What is wrong with the definition, as `field: message` pairs; empty when it is usable. */
export function calendarProblems(definition: CalendarDefinition): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (!isTimeZone(definition.timeZone)) {
    problems.push({ field: 'timeZone', message: `Unknown IANA time zone ${definition.timeZone}` });
  }
  let open = false;
  for (const [day, ranges] of Object.entries(definition.hours)) {
    if (!(WEEKDAYS as readonly string[]).includes(day)) {
      problems.push({ field: `hours.${day}`, message: `Unknown weekday ${day}` });
      continue;
    }
    const sorted = [...(ranges ?? [])].sort((a, b) => a.from.localeCompare(b.from));
    sorted.forEach((range, index) => {
      if (!TIME.test(range.from) || !TIME.test(range.to) || range.from === '24:00') {
        problems.push({
          field: `hours.${day}`,
          message: `Times are HH:MM (00:00–24:00): ${range.from}–${range.to}`,
        });
      } else if (range.from >= range.to) {
        problems.push({
          field: `hours.${day}`,
          message: `A range ends after it starts: ${range.from}–${range.to}`,
        });
      } else if (index > 0 && sorted[index - 1]!.to > range.from) {
        problems.push({ field: `hours.${day}`, message: `Ranges overlap at ${range.from}` });
      } else {
        open = true;
      }
    });
  }
  if (!open) problems.push({ field: 'hours', message: 'The calendar is open on no weekday' });
  definition.holidays.forEach((holiday, index) => {
    if (!DATED.test(holiday.date) && !YEARLY.test(holiday.date)) {
      problems.push({
        field: `holidays.${index}.date`,
        message: `A holiday is YYYY-MM-DD or MM-DD: ${holiday.date}`,
      });
    }
  });
  return problems;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local wall time of an instant, as if it were UTC (ms). */
function wallTime(timeZone: string, instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/**
 * The instant of a local wall time (given as if it were UTC). A wall time skipped by a DST change maps to the
 * instant the same distance after the change; a repeated one to its first occurrence.
 */
function instantOf(timeZone: string, wall: number): number {
  const offsetBefore = wallTime(timeZone, wall - DAY_MS / 2) - (wall - DAY_MS / 2);
  const offsetAfter = wallTime(timeZone, wall + DAY_MS / 2) - (wall + DAY_MS / 2);
  const early = wall - offsetBefore;
  if (wallTime(timeZone, early) === wall) return early;
  const late = wall - offsetAfter;
  if (wallTime(timeZone, late) === wall) return late;
  return wall - offsetBefore; // in a gap: keep the offset before the change
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/** A 24×7 stand-in is SlaCalendar's ContinuousCalendar; this one counts only opening hours. */
export class BusinessHoursCalendar implements SlaCalendar {
  private readonly recurring: Set<string>;
  private readonly dated: Set<string>;

  constructor(private readonly definition: CalendarDefinition) {
    this.recurring = new Set(definition.holidays.filter((h) => YEARLY.test(h.date)).map((h) => h.date));
    this.dated = new Set(definition.holidays.filter((h) => DATED.test(h.date)).map((h) => h.date));
  }

  addWorkingSeconds(from: Date, seconds: number): Date {
    let remaining = Math.round(seconds * 1000);
    if (remaining <= 0) return from;
    for (const [start, end] of this.openIntervalsFrom(from.getTime())) {
      const available = end - start;
      if (remaining <= available) return new Date(start + remaining);
      remaining -= available;
    }
    throw new Error(`Calendar in ${this.definition.timeZone} has no opening hours within ${MAX_DAYS} days`);
  }

  workingSecondsBetween(from: Date, to: Date): number {
    let total = 0;
    for (const [start, end] of this.openIntervalsFrom(from.getTime())) {
      if (start >= to.getTime()) break;
      total += Math.min(end, to.getTime()) - start;
    }
    return total / 1000;
  }

  /** Open intervals [start, end) in instant ms, clipped to begin at `from`, in order. */
  private *openIntervalsFrom(from: number): Generator<[number, number]> {
    const firstDay = Math.floor(wallTime(this.definition.timeZone, from) / DAY_MS) * DAY_MS;
    for (let day = firstDay; day < firstDay + MAX_DAYS * DAY_MS; day += DAY_MS) {
      for (const [start, end] of this.intervalsOn(day)) {
        if (end > from) yield [Math.max(start, from), end];
      }
    }
  }

  /** The open intervals of one local day (its midnight as if UTC). */
  private intervalsOn(day: number): [number, number][] {
    const iso = new Date(day).toISOString().slice(0, 10);
    if (this.dated.has(iso) || this.recurring.has(iso.slice(5))) return [];
    const weekday = WEEKDAYS[(new Date(day).getUTCDay() + 6) % 7]!;
    const zone = this.definition.timeZone;
    return [...(this.definition.hours[weekday] ?? [])]
      .sort((a, b) => a.from.localeCompare(b.from))
      .map((range): [number, number] => [
        instantOf(zone, day + minutesOf(range.from) * 60_000),
        instantOf(zone, day + minutesOf(range.to) * 60_000),
      ]);
  }
}
