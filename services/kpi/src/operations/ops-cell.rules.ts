// Day cells of asset faults, incidents and praise letters (docs/product.md §KPI), kept beside the ticket cells: additive counters
// plus a quantile sketch each for repair time and incident time-to-resolve, per (day, dimension). A fact adds
// to the day it was reported / occurred and to the day it was repaired / resolved; a changed fact takes its old
// contribution out and puts the new one in. Pure.
import { DDSketch, type SketchData } from '../sketch/ddsketch';
import { ratio, OVERALL, type Dimension } from '../engine/cell.rules';
import { dayOf, type Day } from '../engine/period.rules';
import type { FaultFact, IncidentFact, PraiseFact } from './ops-fact.rules';

export interface OpsCounters {
  faultsReported: number;
  repairs: number;
  /** Downtime of the faults repaired in the day: reported → repaired. */
  repairSecondsTotal: number;
  repairSketch: SketchData;
  incidents: number;
  incidentsResolved: number;
  incidentResolveSecondsTotal: number;
  incidentResolveSketch: SketchData;
  /** Praise letters first credited in the day (OVERALL: letters; EMPLOYEE: letters crediting the employee). */
  praises: number;
}

export function emptyOpsCounters(): OpsCounters {
  const empty = new DDSketch().toJSON();
  return {
    faultsReported: 0,
    repairs: 0,
    repairSecondsTotal: 0,
    repairSketch: empty,
    incidents: 0,
    incidentsResolved: 0,
    incidentResolveSecondsTotal: 0,
    incidentResolveSketch: empty,
    praises: 0,
  };
}

export const isEmptyOpsCell = (cell: OpsCounters): boolean =>
  cell.faultsReported === 0 &&
  cell.repairs === 0 &&
  cell.incidents === 0 &&
  cell.incidentsResolved === 0 &&
  cell.praises === 0;

export interface OpsContribution {
  day: Day;
  faultReported?: true;
  repairSeconds?: number;
  incident?: true;
  resolveSeconds?: number;
  praised?: true;
}

export type OpsFact = { fault: FaultFact } | { incident: IncidentFact } | { praise: PraiseFact };

export function opsDimensionsOf(fact: OpsFact): Dimension[] {
  if ('fault' in fact) return [OVERALL, { kind: 'ASSET_CATEGORY', value: fact.fault.category }];
  if ('incident' in fact) return [OVERALL, { kind: 'INCIDENT_SEVERITY', value: fact.incident.severity }];
  return [OVERALL, ...fact.praise.employeeIds.map((value): Dimension => ({ kind: 'EMPLOYEE', value }))];
}

const seconds = (from: string, to: string) =>
  Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

export function opsContributionsOf(fact: OpsFact, timeZone: string): OpsContribution[] {
  const byDay = new Map<Day, OpsContribution>();
  const at = (instant: string) => {
    const day = dayOf(instant, timeZone);
    return byDay.get(day) ?? (byDay.set(day, { day }).get(day) as OpsContribution);
  };
  if ('fault' in fact) {
    const { reportedAt, repairedAt } = fact.fault;
    at(reportedAt).faultReported = true;
    if (repairedAt !== null) at(repairedAt).repairSeconds = seconds(reportedAt, repairedAt);
  } else if ('praise' in fact) {
    at(fact.praise.firstCreditedAt).praised = true;
  } else {
    const { occurredAt, resolvedAt, durationSeconds } = fact.incident;
    at(occurredAt).incident = true;
    if (resolvedAt !== null)
      at(resolvedAt).resolveSeconds = durationSeconds ?? seconds(occurredAt, resolvedAt);
  }
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}

export function applyOpsContribution(cell: OpsCounters, part: OpsContribution, sign: 1 | -1): OpsCounters {
  const next = { ...cell };
  if (part.faultReported) next.faultsReported += sign;
  if (part.repairSeconds !== undefined) {
    next.repairs += sign;
    next.repairSecondsTotal += sign * part.repairSeconds;
    next.repairSketch = DDSketch.fromJSON(cell.repairSketch).add(part.repairSeconds, sign).toJSON();
  }
  if (part.incident) next.incidents += sign;
  if (part.praised) next.praises += sign;
  if (part.resolveSeconds !== undefined) {
    next.incidentsResolved += sign;
    next.incidentResolveSecondsTotal += sign * part.resolveSeconds;
    next.incidentResolveSketch = DDSketch.fromJSON(cell.incidentResolveSketch)
      .add(part.resolveSeconds, sign)
      .toJSON();
  }
  return next;
}

export function mergeOpsCells(cells: Iterable<OpsCounters>): OpsCounters {
  const merged = emptyOpsCounters();
  const repair = new DDSketch();
  const resolve = new DDSketch();
  for (const cell of cells) {
    merged.faultsReported += cell.faultsReported;
    merged.repairs += cell.repairs;
    merged.repairSecondsTotal += cell.repairSecondsTotal;
    merged.incidents += cell.incidents;
    merged.incidentsResolved += cell.incidentsResolved;
    merged.incidentResolveSecondsTotal += cell.incidentResolveSecondsTotal;
    merged.praises += cell.praises;
    repair.merge(DDSketch.fromJSON(cell.repairSketch));
    resolve.merge(DDSketch.fromJSON(cell.incidentResolveSketch));
  }
  merged.repairSketch = repair.toJSON();
  merged.incidentResolveSketch = resolve.toJSON();
  return merged;
}

export interface OpsFigures {
  assetFaults: number;
  assetRepairs: number;
  /** Mean time to repair of the faults repaired in the period. */
  assetMttrSeconds: number | null;
  assetRepairP90Seconds: number | null;
  /** Downtime of the faults repaired in the period. */
  assetDowntimeSeconds: number;
  incidents: number;
  incidentsResolved: number;
  incidentResolveAverageSeconds: number | null;
  incidentResolveP90Seconds: number | null;
  praises: number;
}

export function opsFigures(cell: OpsCounters): OpsFigures {
  return {
    assetFaults: cell.faultsReported,
    assetRepairs: cell.repairs,
    assetMttrSeconds: ratio(cell.repairSecondsTotal, cell.repairs),
    assetRepairP90Seconds: DDSketch.fromJSON(cell.repairSketch).quantile(0.9),
    assetDowntimeSeconds: cell.repairSecondsTotal,
    incidents: cell.incidents,
    incidentsResolved: cell.incidentsResolved,
    incidentResolveAverageSeconds: ratio(cell.incidentResolveSecondsTotal, cell.incidentsResolved),
    incidentResolveP90Seconds: DDSketch.fromJSON(cell.incidentResolveSketch).quantile(0.9),
    praises: cell.praises,
  };
}

/**
 * Availability of a set of assets over a period: 1 − downtime ÷ (assets × period length). The assets are those in
 * service (not retired) now, and the downtime that of the faults repaired in the period; null without assets.
 */
export function availability(downtimeSeconds: number, assets: number, periodSeconds: number): number | null {
  const capacity = assets * periodSeconds;
  return capacity === 0 ? null : Math.max(0, 1 - downtimeSeconds / capacity);
}
