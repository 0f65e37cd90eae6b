// The monthly ticket figures of one employee or department (Employee.kpi, Department.kpi; docs/product.md §KPI),
// computed from the ticket facts of the engine. Pure. Unlike the day cells these figures are exact: the facts of
// one subject and month are few, so the p90 is the true nearest-rank sample, not a sketch estimate.
//
// Month attribution, each figure in the month of the moment it measures (in the KPI time zone):
// - intake (tickets handled, resolution rate): the month the ticket was opened;
// - first response: the month of acknowledgement;
// - resolution, within-SLA share, satisfaction: the month of the (current) resolution — a reopened ticket has
//   none until resolved again, and a late survey restates the month of the resolution it rates;
// - complaints against: the month the complaint was opened, once its investigation names the subject.
// A merged duplicate counts in no figure (its survivor does).
import { dayOf } from '../engine/period.rules';
import type { TicketFact } from '../engine/ticket-fact.rules';

/** A calendar month, `YYYY-MM`. */
export type Month = string;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isMonth(text: string): boolean {
  return MONTH.test(text);
}

/** The month an instant falls in, in `timeZone`. */
export function monthOf(instant: Date | string, timeZone: string): Month {
  return dayOf(instant, timeZone).slice(0, 7);
}

/** Whose figures: the tickets an employee is assigned, or those led by a set of departments. */
export interface Subject {
  kind: 'EMPLOYEE' | 'DEPARTMENTS';
  ids: ReadonlySet<string>;
}

export const employeeSubject = (employeeId: string): Subject => ({
  kind: 'EMPLOYEE',
  ids: new Set([employeeId]),
});

export const departmentsSubject = (departmentIds: Iterable<string>): Subject => ({
  kind: 'DEPARTMENTS',
  ids: new Set(departmentIds),
});

const isIn = (ids: ReadonlySet<string>, id: string | null | undefined): boolean =>
  typeof id === 'string' && ids.has(id);

function handles(subject: Subject, fact: TicketFact): boolean {
  return isIn(subject.ids, subject.kind === 'EMPLOYEE' ? fact.assigneeId : fact.departmentId);
}

/** A complaint whose investigation held the subject responsible. */
function blames(subject: Subject, fact: TicketFact): boolean {
  if (fact.kind !== 'COMPLAINT') return false;
  return isIn(subject.ids, subject.kind === 'EMPLOYEE' ? fact.complaintEmployeeId : fact.complaintDepartmentId);
}

/**
 * Nearest-rank percentile: the ⌈p/100 · n⌉-th smallest sample (1-based), always one of the samples; the same as
 * PostgreSQL's `percentile_disc(p/100)`. `null` for no samples.
 */
export function percentileNearestRank(samples: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(Math.ceil((p / 100) * sorted.length), 1) - 1];
}

/** `numerator / denominator`, or null when there is nothing to measure (a 0 % would be a false verdict). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export interface MonthlyFigures {
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
  /** The latest ticket event behind any figure (ISO instant); null when nothing counts. */
  lastEventAt: string | null;
}

/** The subject's figures of `month` from the facts (any superset of the facts that count). */
export function monthlyFigures(
  facts: Iterable<TicketFact>,
  month: Month,
  subject: Subject,
  timeZone: string,
): MonthlyFigures {
  const inMonth = (instant: string | null) => instant !== null && monthOf(instant, timeZone) === month;
  let handled = 0;
  let handledResolved = 0;
  let resolved = 0;
  let slaKnown = 0;
  let withinSla = 0;
  let surveys = 0;
  let surveyTotal = 0;
  let complaints = 0;
  const responses: number[] = [];
  let lastEventAt: string | null = null;
  const touch = (fact: TicketFact) => {
    const at = fact.lastEventAt ?? fact.openedAt;
    if (lastEventAt === null || Date.parse(at) > Date.parse(lastEventAt)) lastEventAt = at;
  };
  for (const fact of facts) {
    if (fact.mergedIntoId) continue;
    if (handles(subject, fact)) {
      if (inMonth(fact.openedAt)) {
        handled += 1;
        if (fact.resolvedAt !== null) handledResolved += 1;
        touch(fact);
      }
      if (fact.firstResponseSeconds !== null && inMonth(fact.acknowledgedAt)) {
        responses.push(fact.firstResponseSeconds);
        touch(fact);
      }
      if (inMonth(fact.resolvedAt)) {
        resolved += 1;
        if (fact.withinSla !== null) {
          slaKnown += 1;
          if (fact.withinSla) withinSla += 1;
        }
        if (fact.satisfaction !== null) {
          surveys += 1;
          surveyTotal += fact.satisfaction;
        }
        touch(fact);
      }
    }
    if (blames(subject, fact) && inMonth(fact.openedAt)) {
      complaints += 1;
      touch(fact);
    }
  }
  const responseTotal = responses.reduce((sum, seconds) => sum + seconds, 0);
  return {
    ticketsHandled: handled,
    ticketsResolved: resolved,
    resolutionRate: ratio(handledResolved, handled),
    firstResponseCount: responses.length,
    firstResponseAverageSeconds: ratio(responseTotal, responses.length),
    firstResponseP90Seconds: percentileNearestRank(responses, 90),
    resolvedWithinSlaShare: ratio(withinSla, slaKnown),
    surveyCount: surveys,
    averageSatisfaction: ratio(surveyTotal, surveys),
    complaintsAgainst: complaints,
    lastEventAt,
  };
}
