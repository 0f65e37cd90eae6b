// An employee's KPI figures per month, as the KPI service publishes them on `opsgraph.kpi.snapshots.v1`
// (docs/product.md §HR-2): the month's close (`kpi-snapshot.period_closed`, MONTH, EMPLOYEE) and, while the month
// runs, its live figures (`kpi-snapshot.month_updated`). What the appraisals and training effects read. Pure.
//
// Which publication stands: a close wins over every live update of the same month (whatever order they arrive in);
// among live updates the one read later (`asOf`) wins; a duplicate or an older publication changes nothing.
import type { PeriodFigures } from '../appraisals/scoring.rules';

/** The event types kept (the contract's KpiSnapshotMonthUpdated / KpiSnapshotPeriodClosed; checked in the spec). */
export const MONTH_UPDATED = 'kpi-snapshot.month_updated';
export const PERIOD_CLOSED = 'kpi-snapshot.period_closed';

export type MonthFiguresSource = 'CLOSED' | 'LIVE';

/** The figures of one employee and month the HR service keeps (a subset of the snapshot's). */
export interface MonthFigures {
  readonly tickets: number;
  readonly ticketsResolved: number;
  readonly resolutionRate: number | null;
  readonly slaBreachRate: number | null;
  readonly complaintsAgainst: number;
  readonly surveyCount: number;
  readonly csatAverage: number | null;
}

export interface EmployeeMonth {
  readonly employeeId: string;
  /** `YYYY-MM`, the month in the KPI service's time zone. */
  readonly month: string;
  readonly source: MonthFiguresSource;
  /** When the KPI service read the figures (ISO instant). */
  readonly asOf: string;
  readonly figures: MonthFigures;
}

/** The part of a snapshot event this module reads (structural, so that it stays a pure function of the data). */
export interface SnapshotEventLike {
  readonly type: string;
  readonly data: {
    readonly periodKind: string;
    readonly periodStart: string;
    readonly dimensionKind: string;
    readonly dimensionValue: string;
    readonly asOf: string;
    readonly figures: {
      readonly tickets: number;
      readonly ticketsResolved: number;
      readonly resolutionRate: number | null;
      readonly slaBreachRate: number | null;
      readonly surveyCount: number;
      readonly csatAverage: number | null;
      readonly complaintsAgainst?: number;
    };
  };
}

const SOURCES: ReadonlyMap<string, MonthFiguresSource> = new Map([
  [PERIOD_CLOSED, 'CLOSED'],
  [MONTH_UPDATED, 'LIVE'],
]);

/** An employee's month from a snapshot event; null for any other period kind, dimension or event type. */
export function employeeMonthOf(event: SnapshotEventLike): EmployeeMonth | null {
  const source = SOURCES.get(event.type);
  const { data } = event;
  if (source === undefined || data.periodKind !== 'MONTH' || data.dimensionKind !== 'EMPLOYEE') return null;
  const { figures } = data;
  return {
    employeeId: data.dimensionValue,
    month: data.periodStart.slice(0, 7),
    source,
    asOf: new Date(data.asOf).toISOString(),
    figures: {
      tickets: figures.tickets,
      ticketsResolved: figures.ticketsResolved,
      resolutionRate: figures.resolutionRate,
      slaBreachRate: figures.slaBreachRate,
      complaintsAgainst: figures.complaintsAgainst ?? 0,
      surveyCount: figures.surveyCount,
      csatAverage: figures.csatAverage,
    },
  };
}

/** Whether `incoming` replaces what is stored for the same employee and month (see the header). */
export function supersedes(
  incoming: Pick<EmployeeMonth, 'source' | 'asOf'>,
  stored: Pick<EmployeeMonth, 'source' | 'asOf'> | null,
): boolean {
  if (stored === null) return true;
  if (incoming.source !== stored.source) return incoming.source === 'CLOSED';
  return Date.parse(incoming.asOf) > Date.parse(stored.asOf);
}

/** No snapshot yet: nothing handled, nothing measured. */
export const NO_FIGURES: PeriodFigures = {
  ticketsHandled: 0,
  resolutionRate: null,
  resolvedWithinSlaShare: null,
  complaintsAgainst: 0,
  surveyCount: 0,
  averageSatisfaction: null,
};

/** The figures the scoring rules read, from a month's (or a window's) figures; no figures → NO_FIGURES. */
export function periodFigures(month: MonthFigures | null): PeriodFigures {
  if (month === null) return NO_FIGURES;
  return {
    ticketsHandled: month.tickets,
    resolutionRate: month.resolutionRate,
    resolvedWithinSlaShare: month.slaBreachRate === null ? null : 1 - month.slaBreachRate,
    complaintsAgainst: month.complaintsAgainst,
    surveyCount: month.surveyCount,
    averageSatisfaction: month.csatAverage,
  };
}

/** Mean of the rates present, each weighed by its count (a month without a rate, or without a count, adds nothing). */
function weighted(parts: readonly { rate: number | null; weight: number }[]): number | null {
  const present = parts.filter((part) => part.rate !== null);
  const weight = present.reduce((sum, part) => sum + part.weight, 0);
  if (weight === 0) return null;
  return present.reduce((sum, part) => sum + (part.rate as number) * part.weight, 0) / weight;
}

/**
 * Several months as one window (a training's before/after): counts add up; the resolution rate is weighed by the
 * month's intake, the SLA breach rate by its resolutions, the survey average by its surveys. Null for no month.
 */
export function sumMonths(months: readonly MonthFigures[]): MonthFigures | null {
  if (months.length === 0) return null;
  const total = (pick: (month: MonthFigures) => number) =>
    months.reduce((sum, month) => sum + pick(month), 0);
  return {
    tickets: total((m) => m.tickets),
    ticketsResolved: total((m) => m.ticketsResolved),
    resolutionRate: weighted(months.map((m) => ({ rate: m.resolutionRate, weight: m.tickets }))),
    slaBreachRate: weighted(months.map((m) => ({ rate: m.slaBreachRate, weight: m.ticketsResolved }))),
    complaintsAgainst: total((m) => m.complaintsAgainst),
    surveyCount: total((m) => m.surveyCount),
    csatAverage: weighted(months.map((m) => ({ rate: m.csatAverage, weight: m.surveyCount }))),
  };
}
