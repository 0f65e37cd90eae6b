// Reliability from the fault history (docs/product.md §4.1), over a period [from, to):
//   downtime     = time inside the period during which a fault was open (reported → repaired, or still open);
//   uptime       = time in service inside the period − downtime;
//   failures     = faults reported inside the period;
//   MTBF         = uptime / failures (null without a failure);
//   MTTR         = mean of reported → repaired over the faults repaired inside the period (null without one);
//   availability = uptime / (uptime + downtime) (null when the asset was not in service at all).
// A group (a model, a category) adds its assets' uptimes, downtimes, failures and repairs. Hours throughout. Pure.

const HOUR_MS = 3_600_000;

export interface FaultSpan {
  readonly reportedAt: Date;
  readonly repairedAt: Date | null;
}

export interface AssetHistory {
  /** When the asset went into service (null: it never did) and when it left it (retired), if it did. */
  readonly inServiceFrom: Date | null;
  readonly inServiceUntil?: Date | null;
  readonly faults: readonly FaultSpan[];
}

export interface Reliability {
  readonly failures: number;
  readonly repairs: number;
  readonly uptimeHours: number;
  readonly downtimeHours: number;
  readonly mtbfHours: number | null;
  readonly mttrHours: number | null;
  readonly availability: number | null;
}

interface Totals {
  failures: number;
  repairs: number;
  repairMs: number;
  uptimeMs: number;
  downtimeMs: number;
}

const overlap = (a: number, b: number, from: number, to: number): number =>
  Math.max(0, Math.min(b, to) - Math.max(a, from));

function totalsOf(history: AssetHistory, from: Date, to: Date): Totals {
  const totals: Totals = { failures: 0, repairs: 0, repairMs: 0, uptimeMs: 0, downtimeMs: 0 };
  if (history.inServiceFrom === null) return totals;
  const start = Math.max(from.getTime(), history.inServiceFrom.getTime());
  const end = Math.min(to.getTime(), history.inServiceUntil?.getTime() ?? Infinity);
  if (end <= start) return totals;
  // Overlapping faults count their union once as downtime.
  const spans = history.faults
    .map((f) => [f.reportedAt.getTime(), (f.repairedAt ?? to).getTime()] as const)
    .sort((a, b) => a[0] - b[0]);
  let coveredUntil = -Infinity;
  for (const [a, b] of spans) {
    const lo = Math.max(a, coveredUntil);
    if (b > lo) totals.downtimeMs += overlap(lo, b, start, end);
    coveredUntil = Math.max(coveredUntil, b);
  }
  for (const fault of history.faults) {
    const reported = fault.reportedAt.getTime();
    if (reported >= from.getTime() && reported < to.getTime()) totals.failures++;
    const repaired = fault.repairedAt?.getTime();
    if (repaired !== undefined && repaired >= from.getTime() && repaired < to.getTime()) {
      totals.repairs++;
      totals.repairMs += repaired - reported;
    }
  }
  totals.uptimeMs = end - start - totals.downtimeMs;
  return totals;
}

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;

function figures(t: Totals): Reliability {
  const uptimeHours = t.uptimeMs / HOUR_MS;
  const downtimeHours = t.downtimeMs / HOUR_MS;
  const inService = t.uptimeMs + t.downtimeMs;
  return {
    failures: t.failures,
    repairs: t.repairs,
    uptimeHours: round(uptimeHours, 2),
    downtimeHours: round(downtimeHours, 2),
    mtbfHours: t.failures === 0 ? null : round(uptimeHours / t.failures, 2),
    mttrHours: t.repairs === 0 ? null : round(t.repairMs / HOUR_MS / t.repairs, 2),
    availability: inService === 0 ? null : round(t.uptimeMs / inService, 6),
  };
}

export function reliabilityOf(history: AssetHistory, from: Date, to: Date): Reliability {
  return figures(totalsOf(history, from, to));
}

/** The pooled figures of several assets (a model, a category). */
export function groupReliability(histories: readonly AssetHistory[], from: Date, to: Date): Reliability {
  const sum: Totals = { failures: 0, repairs: 0, repairMs: 0, uptimeMs: 0, downtimeMs: 0 };
  for (const history of histories) {
    const t = totalsOf(history, from, to);
    sum.failures += t.failures;
    sum.repairs += t.repairs;
    sum.repairMs += t.repairMs;
    sum.uptimeMs += t.uptimeMs;
    sum.downtimeMs += t.downtimeMs;
  }
  return figures(sum);
}
