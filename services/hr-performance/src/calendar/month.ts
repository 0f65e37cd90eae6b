// Months (praise letters, the current month of training effects) are calendar months, `YYYY-MM`, in one
// configured time zone (KPI_TIME_ZONE, default UTC, the KPI service's zone). Changing the zone changes which month
// an instant falls in: replay the praise projection afterwards.

export type Month = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** @throws RangeError for an unknown IANA zone (config validation calls this once at start-up). */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** The month an instant falls in, in `timeZone`. */
export function monthOf(instant: Date | string, timeZone = 'UTC'): Month {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an instant: ${String(instant)}`);
  const parts = formatterFor(timeZone).formatToParts(date);
  // Equivalent mutants (docs/quality.md): the parts always hold a year and a month, and the month comes first.
  // Stryker disable next-line OptionalChaining
  const year = parts.find((part) => part.type === 'year')?.value;
  // Stryker disable next-line OptionalChaining,ConditionalExpression
  const month = parts.find((part) => part.type === 'month')?.value;
  return `${year}-${month}`;
}
