// The monthly ticket figures of one employee or department (Employee.kpi, Department.kpi; docs/product.md §KPI):
// the merge of the subject's day cells of the month in the KPI time zone (for a department subtree, the cells of
// every department in it), never a scan of ticket facts, so a read costs the same at any ticket volume. Pure.
//
// The day cells attribute each figure to the day of the moment it measures, so the month's merge does too:
// - intake (tickets handled, resolution rate): the day the ticket was opened;
// - first response: the day of acknowledgement;
// - resolution, within-SLA share, satisfaction: the day of the (current) resolution — a reopened ticket has none
//   until resolved again, and a late survey restates the day of the resolution it rates;
// - complaints against: the day the complaint was opened, in the cells of the employee and department its newest
//   investigation held responsible.
// A merged duplicate counts in no figure (its survivor does). Every figure is exact except the first-response
// p90, a DDSketch estimate within 1 % of the exact nearest-rank value, rounded to the whole second.
import { ratio, type CellCounters } from '../engine/cell.rules';
import { dayOf, periodContaining, type Period } from '../engine/period.rules';
import { DDSketch } from '../sketch/ddsketch';

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

/** The month's civil days, first to last (the day cells to merge). */
export function daysOfMonth(month: Month): Period {
  return periodContaining('MONTH', `${month}-01`);
}

export interface MonthlyFigures {
  ticketsHandled: number;
  ticketsResolved: number;
  resolutionRate: number | null;
  firstResponseCount: number;
  firstResponseAverageSeconds: number | null;
  /** Within 1 % of the exact nearest-rank p90, rounded to the whole second; null with no responses. */
  firstResponseP90Seconds: number | null;
  resolvedWithinSlaShare: number | null;
  surveyCount: number;
  averageSatisfaction: number | null;
  complaintsAgainst: number;
  /** The latest ticket event of the facts behind any figure (ISO instant); null when nothing counts. */
  lastEventAt: string | null;
}

/** The figures of the subject's merged day cells of the month (`mergeCells`). */
export function monthlyFigures(cell: CellCounters): MonthlyFigures {
  const p90 = DDSketch.fromJSON(cell.responseSketch).quantile(0.9);
  return {
    ticketsHandled: cell.intake,
    ticketsResolved: cell.resolved,
    resolutionRate: ratio(cell.intakeResolved, cell.intake),
    firstResponseCount: cell.responses,
    firstResponseAverageSeconds: ratio(cell.responseSecondsTotal, cell.responses),
    firstResponseP90Seconds: p90 === null ? null : Math.round(p90),
    resolvedWithinSlaShare: ratio(cell.slaKnown - cell.slaBreached, cell.slaKnown),
    surveyCount: cell.surveys,
    averageSatisfaction: ratio(cell.surveyScoreTotal, cell.surveys),
    complaintsAgainst: cell.complaintsAgainst,
    lastEventAt: cell.lastEventAt,
  };
}
