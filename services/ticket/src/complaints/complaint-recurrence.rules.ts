// Recurring complaint causes (docs/product.md §11.3, P3 §六(五) 「找出投訴高發的環節和問題類型」): the same root cause
// found by at least `threshold` investigations within `windowDays` is reported once per window. Pure.

export interface RecurrencePolicy {
  readonly threshold: number;
  readonly windowDays: number;
}

export const DEFAULT_RECURRENCE_POLICY: RecurrencePolicy = { threshold: 3, windowDays: 30 };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Root causes are free text: the same cause differs in case, spacing and a trailing full stop. */
export function causeKey(rootCause: string): string {
  return rootCause
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.。!！]+$/u, '')
    .toLowerCase();
}

export interface Investigation {
  readonly ticketId: string;
  readonly rootCause: string;
  readonly investigatedAt: Date;
}

export interface Recurrence {
  readonly rootCause: string;
  readonly count: number;
  readonly ticketIds: string[];
}

/** The start of the window that ends at `now` (exclusive start, inclusive end). */
export function windowStart(now: Date, policy: RecurrencePolicy): Date {
  return new Date(now.getTime() - policy.windowDays * DAY_MS);
}

/**
 * The recurrence of `rootCause` among `investigations` in the window ending at `now`, or null when it is below the
 * threshold or was already reported within the window (`lastReportedAt`).
 */
export function recurrenceOf(
  rootCause: string,
  investigations: readonly Investigation[],
  now: Date,
  policy: RecurrencePolicy,
  lastReportedAt: Date | null,
): Recurrence | null {
  const start = windowStart(now, policy);
  const key = causeKey(rootCause);
  const matching = investigations
    .filter((entry) => causeKey(entry.rootCause) === key && entry.investigatedAt > start && entry.investigatedAt <= now)
    .sort((a, b) => a.investigatedAt.getTime() - b.investigatedAt.getTime());
  const ticketIds = [...new Set(matching.map((entry) => entry.ticketId))];
  if (ticketIds.length < policy.threshold) return null;
  if (lastReportedAt !== null && lastReportedAt > start) return null;
  return { rootCause, count: ticketIds.length, ticketIds };
}
