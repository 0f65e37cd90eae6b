// KPI cells and formulas (docs/product.md §KPI). A cell holds additive counters plus two quantile sketches for one
// (day, dimension); any longer period or set of dimensions is the sum of its cells. A ticket fact contributes to
// the cells of the days it measures; when a fact changes, its old contribution is taken out and the new one put in,
// so a cell is always the sum of the current facts' contributions, whatever order the events came in. Pure.
import { DDSketch, type SketchData } from '../sketch/ddsketch';
import { dayOf, type Day } from './period.rules';
import type { TicketFact } from './ticket-fact.rules';

export const DIMENSION_KINDS = [
  'OVERALL',
  'DEPARTMENT',
  'EMPLOYEE',
  'CHANNEL',
  'KIND',
  'CATEGORY',
  'CUSTOMER_TIER',
  // Cuts of the asset-fault and incident cells (operations/ops-cell.rules.ts); tickets have none.
  'ASSET_CATEGORY',
  'INCIDENT_SEVERITY',
] as const;
export type DimensionKind = (typeof DIMENSION_KINDS)[number];

export interface Dimension {
  kind: DimensionKind;
  /** '*' for OVERALL. */
  value: string;
}

export const OVERALL: Dimension = { kind: 'OVERALL', value: '*' };

export interface CellCounters {
  /** Tickets opened in the day (the intake). */
  intake: number;
  /** Of the intake, how many are resolved now. */
  intakeResolved: number;
  /** Of the intake, how many are complaints. */
  complaints: number;
  /** Of the intake, how many were reopened at least once. */
  reopened: number;
  responses: number;
  responseSecondsTotal: number;
  responseSketch: SketchData;
  resolved: number;
  resolutionSecondsTotal: number;
  resolutionSketch: SketchData;
  /** Resolved tickets with an SLA policy, and of those how many missed it. */
  slaKnown: number;
  slaBreached: number;
  surveys: number;
  surveyScoreTotal: number;
  /** Surveys by overall score 1..5 (index 0 is score 1). */
  surveyDistribution: number[];
  /**
   * Complaints opened in the day whose (newest) investigation held this cell's employee or department responsible
   * (EMPLOYEE and DEPARTMENT cells only; the blamed subject, not the handling one). Absent in cells written before
   * it existed (the migration sets 0 and null; the definition replay rebuilds both).
   */
  complaintsAgainst: number;
  /**
   * EMPLOYEE and DEPARTMENT cells: the latest `lastEventAt` among the facts contributing to the cell now (null
   * for other dimensions and empty cells). Exact: a fact that leaves the cell while holding the latest instant
   * makes the engine recompute it from the cell's facts (`lastEventAfter`).
   */
  lastEventAt: string | null;
}

export function emptyCounters(): CellCounters {
  const empty = new DDSketch().toJSON();
  return {
    intake: 0,
    intakeResolved: 0,
    complaints: 0,
    reopened: 0,
    responses: 0,
    responseSecondsTotal: 0,
    responseSketch: empty,
    resolved: 0,
    resolutionSecondsTotal: 0,
    resolutionSketch: empty,
    slaKnown: 0,
    slaBreached: 0,
    surveys: 0,
    surveyScoreTotal: 0,
    surveyDistribution: [0, 0, 0, 0, 0],
    complaintsAgainst: 0,
    lastEventAt: null,
  };
}

/** A cell no fact contributes to: it has no row (absent and empty read the same). */
export function isEmptyCell(cell: CellCounters): boolean {
  return cell.intake === 0 && cell.responses === 0 && cell.resolved === 0 && cell.complaintsAgainst === 0;
}

/** What one fact adds to the cells of one day (every dimension of the ticket gets the same delta). */
export interface DayContribution {
  day: Day;
  intake?: { resolved: boolean; complaint: boolean; reopened: boolean };
  responseSeconds?: number;
  resolution?: { seconds: number | null; withinSla: boolean | null; satisfaction: number | null };
  /** A complaint opened on the day whose investigation held the cell's employee or department responsible. */
  complaintAgainst?: true;
  /** The fact's latest event, kept by EMPLOYEE and DEPARTMENT cells only. */
  lastEventAt?: string;
}

/** One dimension's part of a fact's contributions. */
export interface CellContribution {
  dimension: Dimension;
  contribution: DayContribution;
}

/** The dimensions whose cells keep complaints against and the latest event (Employee.kpi, Department.kpi). */
const ORG_KINDS: ReadonlySet<DimensionKind> = new Set(['EMPLOYEE', 'DEPARTMENT']);

export function dimensionsOf(fact: TicketFact): Dimension[] {
  const dimensions: Dimension[] = [
    OVERALL,
    { kind: 'CHANNEL', value: fact.channel },
    { kind: 'KIND', value: fact.kind },
  ];
  if (fact.departmentId !== null) dimensions.push({ kind: 'DEPARTMENT', value: fact.departmentId });
  if (fact.assigneeId !== null) dimensions.push({ kind: 'EMPLOYEE', value: fact.assigneeId });
  if (fact.category !== null) dimensions.push({ kind: 'CATEGORY', value: fact.category });
  if (fact.customerTier) dimensions.push({ kind: 'CUSTOMER_TIER', value: fact.customerTier });
  return dimensions;
}

/**
 * Day attribution, each figure in the day of the moment it measures: intake (resolution, complaint and reopen
 * rates) on the day the ticket was opened; first response on the day of acknowledgement; resolution time, SLA and
 * satisfaction on the day of the (current) resolution — a reopened ticket has none until resolved again.
 */
export function contributionsOf(fact: TicketFact, timeZone: string): DayContribution[] {
  // A merged duplicate is one ticket with its survivor: only the survivor counts.
  if (fact.mergedIntoId) return [];
  const byDay = new Map<Day, DayContribution>();
  const at = (instant: string) => {
    const day = dayOf(instant, timeZone);
    return byDay.get(day) ?? (byDay.set(day, { day }).get(day) as DayContribution);
  };
  at(fact.openedAt).intake = intakeOf(fact);
  if (fact.acknowledgedAt !== null && fact.firstResponseSeconds !== null) {
    at(fact.acknowledgedAt).responseSeconds = fact.firstResponseSeconds;
  }
  if (fact.resolvedAt !== null) at(fact.resolvedAt).resolution = resolutionOf(fact);
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/**
 * What a fact adds to each cell: the day contributions of `contributionsOf` in every dimension of the ticket
 * (EMPLOYEE and DEPARTMENT cells also keep the fact's latest event), and a complaint's blame on its opening day in
 * the cells of the employee and department its investigation held responsible. A merged duplicate adds nothing.
 */
export function cellContributionsOf(fact: TicketFact, timeZone: string): CellContribution[] {
  const days = contributionsOf(fact, timeZone);
  if (days.length === 0) return [];
  const lastEventAt = fact.lastEventAt ?? fact.openedAt;
  const parts: CellContribution[] = [];
  for (const dimension of dimensionsOf(fact)) {
    for (const contribution of days) {
      parts.push({
        dimension,
        contribution: ORG_KINDS.has(dimension.kind) ? { ...contribution, lastEventAt } : contribution,
      });
    }
  }
  if (fact.kind === 'COMPLAINT') {
    const day = dayOf(fact.openedAt, timeZone);
    const blamed: Array<[DimensionKind, string | null | undefined]> = [
      ['EMPLOYEE', fact.complaintEmployeeId],
      ['DEPARTMENT', fact.complaintDepartmentId],
    ];
    for (const [kind, value] of blamed) {
      if (typeof value === 'string') {
        parts.push({
          dimension: { kind, value },
          contribution: { day, complaintAgainst: true, lastEventAt },
        });
      }
    }
  }
  return parts;
}

const intakeOf = (fact: TicketFact): DayContribution['intake'] => ({
  resolved: fact.resolvedAt !== null,
  complaint: fact.kind === 'COMPLAINT',
  reopened: fact.reopenVersions.length > 0,
});

const resolutionOf = (fact: TicketFact): DayContribution['resolution'] => ({
  seconds: fact.resolutionSeconds,
  withinSla: fact.withinSla,
  satisfaction: fact.satisfaction,
});

/** The counters of facts over the instant window (from, to]: each part counts when its moment falls inside. */
export function windowCounters(facts: Iterable<TicketFact>, from: Date, to: Date): CellCounters {
  const inside = (instant: string | null) =>
    instant !== null && new Date(instant) > from && new Date(instant) <= to;
  let cell = emptyCounters();
  for (const fact of facts) {
    if (fact.mergedIntoId) continue;
    const part: DayContribution = { day: '' };
    if (inside(fact.openedAt)) part.intake = intakeOf(fact);
    if (inside(fact.acknowledgedAt) && fact.firstResponseSeconds !== null) {
      part.responseSeconds = fact.firstResponseSeconds;
    }
    if (inside(fact.resolvedAt)) part.resolution = resolutionOf(fact);
    cell = applyContribution(cell, part, 1);
  }
  return cell;
}

/** The cell with a contribution added (sign 1) or taken out (sign −1). */
export function applyContribution(
  cell: CellCounters,
  contribution: DayContribution,
  sign: 1 | -1,
): CellCounters {
  const next: CellCounters = { ...cell, surveyDistribution: [...cell.surveyDistribution] };
  const { intake, responseSeconds, resolution, complaintAgainst, lastEventAt } = contribution;
  if (complaintAgainst) next.complaintsAgainst += sign;
  // Adding keeps the latest instant; taking out cannot lower it here (`lastEventAfter` decides when to recompute).
  if (lastEventAt !== undefined && sign === 1) next.lastEventAt = latest(cell.lastEventAt, lastEventAt);
  if (intake) {
    next.intake += sign;
    if (intake.resolved) next.intakeResolved += sign;
    if (intake.complaint) next.complaints += sign;
    if (intake.reopened) next.reopened += sign;
  }
  if (responseSeconds !== undefined) {
    next.responses += sign;
    next.responseSecondsTotal += sign * responseSeconds;
    next.responseSketch = DDSketch.fromJSON(cell.responseSketch).add(responseSeconds, sign).toJSON();
  }
  if (resolution) {
    next.resolved += sign;
    if (resolution.seconds !== null) {
      next.resolutionSecondsTotal += sign * resolution.seconds;
      next.resolutionSketch = DDSketch.fromJSON(cell.resolutionSketch).add(resolution.seconds, sign).toJSON();
    }
    if (resolution.withinSla !== null) {
      next.slaKnown += sign;
      if (!resolution.withinSla) next.slaBreached += sign;
    }
    if (resolution.satisfaction !== null) {
      next.surveys += sign;
      next.surveyScoreTotal += sign * resolution.satisfaction;
      next.surveyDistribution[resolution.satisfaction - 1] += sign;
    }
  }
  return next;
}

/** The later of two instants (ISO strings, compared as instants); null counts as earliest. */
export function latest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

/**
 * A cell's latest event after some facts' contributions were taken out (`removed`) and put in (`added`), from
 * what it was (`before`): exact without the cell's facts unless a fact holding the latest instant left it and no
 * added fact is as late — then null is returned with `recompute` (the caller reads the cell's facts).
 */
export function lastEventAfter(
  before: string | null,
  removed: ReadonlyArray<string | undefined>,
  added: ReadonlyArray<string | undefined>,
): { lastEventAt: string | null; recompute: boolean } {
  const newest = added.reduce<string | null>((max, at) => latest(max, at ?? null), null);
  const held =
    before !== null && removed.some((at) => at !== undefined && Date.parse(at) === Date.parse(before));
  if (held && (newest === null || Date.parse(newest) < Date.parse(before as string))) {
    return { lastEventAt: null, recompute: true };
  }
  return { lastEventAt: latest(before, newest), recompute: false };
}

/** The sum of cells: a week, a month, a department subtree. */
export function mergeCells(cells: Iterable<CellCounters>): CellCounters {
  const merged = emptyCounters();
  const response = new DDSketch();
  const resolution = new DDSketch();
  for (const cell of cells) {
    merged.intake += cell.intake;
    merged.intakeResolved += cell.intakeResolved;
    merged.complaints += cell.complaints;
    merged.reopened += cell.reopened;
    merged.responses += cell.responses;
    merged.responseSecondsTotal += cell.responseSecondsTotal;
    merged.resolved += cell.resolved;
    merged.resolutionSecondsTotal += cell.resolutionSecondsTotal;
    merged.slaKnown += cell.slaKnown;
    merged.slaBreached += cell.slaBreached;
    merged.surveys += cell.surveys;
    merged.surveyScoreTotal += cell.surveyScoreTotal;
    merged.complaintsAgainst += cell.complaintsAgainst;
    merged.lastEventAt = latest(merged.lastEventAt, cell.lastEventAt);
    cell.surveyDistribution.forEach((count, index) => (merged.surveyDistribution[index] += count));
    response.mergeData(cell.responseSketch);
    resolution.mergeData(cell.resolutionSketch);
  }
  merged.responseSketch = response.toJSON();
  merged.resolutionSketch = resolution.toJSON();
  return merged;
}

/** `numerator / denominator`, or null when there is nothing to measure (a 0 % would be a false verdict). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export interface KpiFigures {
  tickets: number;
  ticketsResolved: number;
  resolutionRate: number | null;
  complaints: number;
  complaintRate: number | null;
  reopenRate: number | null;
  firstResponseCount: number;
  firstResponseAverageSeconds: number | null;
  firstResponseP50Seconds: number | null;
  firstResponseP90Seconds: number | null;
  resolutionAverageSeconds: number | null;
  resolutionP50Seconds: number | null;
  resolutionP90Seconds: number | null;
  slaBreachRate: number | null;
  surveyCount: number;
  csatAverage: number | null;
  /** Surveys by overall score, index 0 = score 1. */
  csatDistribution: number[];
  /** Tickets opened by the end of the period and not resolved by then. */
  backlogAtEnd: number;
}

/** The figures of merged cells; `backlogAtEnd` needs every day up to the period end, so it is passed in. */
export function kpiFigures(cell: CellCounters, backlogAtEnd: number): KpiFigures {
  const response = DDSketch.fromJSON(cell.responseSketch);
  const resolution = DDSketch.fromJSON(cell.resolutionSketch);
  const resolutionTimed = resolution.count;
  return {
    tickets: cell.intake,
    ticketsResolved: cell.resolved,
    resolutionRate: ratio(cell.intakeResolved, cell.intake),
    complaints: cell.complaints,
    complaintRate: ratio(cell.complaints, cell.intake),
    reopenRate: ratio(cell.reopened, cell.intake),
    firstResponseCount: cell.responses,
    firstResponseAverageSeconds: ratio(cell.responseSecondsTotal, cell.responses),
    firstResponseP50Seconds: response.quantile(0.5),
    firstResponseP90Seconds: response.quantile(0.9),
    resolutionAverageSeconds: ratio(cell.resolutionSecondsTotal, resolutionTimed),
    resolutionP50Seconds: resolution.quantile(0.5),
    resolutionP90Seconds: resolution.quantile(0.9),
    slaBreachRate: ratio(cell.slaBreached, cell.slaKnown),
    surveyCount: cell.surveys,
    csatAverage: ratio(cell.surveyScoreTotal, cell.surveys),
    csatDistribution: [...cell.surveyDistribution],
    backlogAtEnd,
  };
}

/** Backlog at the end of a period from the per-day intake and resolutions of every day up to its end. */
export function backlogAt(daysUpToEnd: Iterable<Pick<CellCounters, 'intake' | 'resolved'>>): number {
  let open = 0;
  for (const day of daysUpToEnd) open += day.intake - day.resolved;
  return open;
}
