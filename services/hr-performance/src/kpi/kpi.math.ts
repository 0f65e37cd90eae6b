// The KPI figures of one subject (an employee, or a set of departments) for one month, computed from per-ticket
// facts. Pure: the projection stores what `aggregateKpi` returns, and any figure can be recomputed from the facts.
import type { Month } from './kpi.period';

/**
 * One ticket as the KPI sees it, with each fact already placed in its month (the month attribution is `toKpiFact`
 * in projections/ticket-kpi.rules.ts).
 */
export interface KpiFact {
  /** The ticket's current assignee: every handling figure of the ticket counts for them. */
  handlerId: string | null;
  /** The ticket's current lead department. */
  departmentId: string | null;
  /** Month of openedAt: the ticket is part of that month's intake (tickets handled, resolution rate). */
  intakeMonth: Month;
  /** Month of acknowledgedAt; null until the first response is known. */
  responseMonth: Month | null;
  firstResponseSeconds: number | null;
  /** Month of resolvedAt; null while the ticket is not resolved (never, or reopened). */
  resolutionMonth: Month | null;
  withinSla: boolean | null;
  /** Overall survey score 1–5; counts in resolutionMonth. */
  satisfaction: number | null;
  /** Who a COMPLAINT ticket's investigation held responsible; counts in complaintMonth. */
  complaintEmployeeId: string | null;
  complaintDepartmentId: string | null;
  complaintMonth: Month | null;
  lastEventAt: Date;
}

/** Whose figures: `handles` selects tickets handled by the subject, `blamed` complaints against it. */
export interface KpiSubject {
  handles(fact: KpiFact): boolean;
  blamed(fact: KpiFact): boolean;
}

export const employeeSubject = (employeeId: string): KpiSubject => ({
  handles: (fact) => fact.handlerId === employeeId,
  blamed: (fact) => fact.complaintEmployeeId === employeeId,
});

export const departmentSubject = (departmentIds: Iterable<string>): KpiSubject => {
  const ids = new Set(departmentIds);
  return {
    handles: (fact) => fact.departmentId !== null && ids.has(fact.departmentId),
    blamed: (fact) => fact.complaintDepartmentId !== null && ids.has(fact.complaintDepartmentId),
  };
};

/** Additive counts plus the p90, which is not additive and therefore stored, not derived. */
export interface KpiCounters {
  ticketsHandled: number;
  /** Of the month's intake, how many are resolved now (restated when an intake ticket is resolved later). */
  ticketsHandledResolved: number;
  ticketsResolved: number;
  resolvedWithSlaKnown: number;
  resolvedWithinSla: number;
  firstResponseCount: number;
  firstResponseTotalSeconds: number;
  firstResponseP90Seconds: number | null;
  surveyCount: number;
  surveyScoreTotal: number;
  complaintsAgainst: number;
  /** Latest event behind any of these figures (from the events, never the wall clock: replays stay identical). */
  lastEventAt: Date | null;
}

export const P90 = 90;

/**
 * Nearest-rank percentile: the smallest sample such that at least p% of the samples are ≤ it, i.e. the
 * ⌈p/100 · n⌉-th smallest (1-based). Always one of the samples, never an interpolation or an average; the same as
 * PostgreSQL's `percentile_disc(p/100)`. Order of the input does not matter. `null` for no samples.
 */
export function percentileNearestRank(samples: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.max(rank, 1) - 1];
}

/** `numerator / denominator`, or null when there is nothing to measure (a 0 % would be a false verdict). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export function emptyCounters(): KpiCounters {
  return {
    ticketsHandled: 0,
    ticketsHandledResolved: 0,
    ticketsResolved: 0,
    resolvedWithSlaKnown: 0,
    resolvedWithinSla: 0,
    firstResponseCount: 0,
    firstResponseTotalSeconds: 0,
    firstResponseP90Seconds: null,
    surveyCount: 0,
    surveyScoreTotal: 0,
    complaintsAgainst: 0,
    lastEventAt: null,
  };
}

export function aggregateKpi(facts: Iterable<KpiFact>, month: Month, subject: KpiSubject): KpiCounters {
  const counters = emptyCounters();
  const responseSamples: number[] = [];
  const touch = (fact: KpiFact) => {
    if (counters.lastEventAt === null || fact.lastEventAt > counters.lastEventAt)
      counters.lastEventAt = fact.lastEventAt;
  };
  for (const fact of facts) {
    if (subject.handles(fact)) {
      if (fact.intakeMonth === month) {
        counters.ticketsHandled += 1;
        if (fact.resolutionMonth !== null) counters.ticketsHandledResolved += 1;
        touch(fact);
      }
      if (fact.responseMonth === month && fact.firstResponseSeconds !== null) {
        counters.firstResponseCount += 1;
        counters.firstResponseTotalSeconds += fact.firstResponseSeconds;
        responseSamples.push(fact.firstResponseSeconds);
        touch(fact);
      }
      if (fact.resolutionMonth === month) {
        counters.ticketsResolved += 1;
        if (fact.withinSla !== null) {
          counters.resolvedWithSlaKnown += 1;
          if (fact.withinSla) counters.resolvedWithinSla += 1;
        }
        if (fact.satisfaction !== null) {
          counters.surveyCount += 1;
          counters.surveyScoreTotal += fact.satisfaction;
        }
        touch(fact);
      }
    }
    if (subject.blamed(fact) && fact.complaintMonth === month) {
      counters.complaintsAgainst += 1;
      touch(fact);
    }
  }
  counters.firstResponseP90Seconds = percentileNearestRank(responseSamples, P90);
  return counters;
}

/** True when no ticket contributes: such a month has no row (absent and empty read the same). */
export function isEmptyCounters(counters: KpiCounters): boolean {
  return counters.lastEventAt === null;
}

export interface KpiFigures {
  ticketsHandled: number;
  ticketsResolved: number;
  resolutionRate: number | null;
  firstResponseCount: number;
  firstResponseAverageSeconds: number | null;
  firstResponseP90Seconds: number | null;
  resolvedWithinSlaShare: number | null;
  surveyCount: number;
  averageSatisfaction: number | null;
  complaintsAgainst: number;
}

export function kpiFigures(counters: KpiCounters): KpiFigures {
  return {
    ticketsHandled: counters.ticketsHandled,
    ticketsResolved: counters.ticketsResolved,
    resolutionRate: ratio(counters.ticketsHandledResolved, counters.ticketsHandled),
    firstResponseCount: counters.firstResponseCount,
    firstResponseAverageSeconds: ratio(counters.firstResponseTotalSeconds, counters.firstResponseCount),
    firstResponseP90Seconds: counters.firstResponseP90Seconds,
    resolvedWithinSlaShare: ratio(counters.resolvedWithinSla, counters.resolvedWithSlaKnown),
    surveyCount: counters.surveyCount,
    averageSatisfaction: ratio(counters.surveyScoreTotal, counters.surveyCount),
    complaintsAgainst: counters.complaintsAgainst,
  };
}
