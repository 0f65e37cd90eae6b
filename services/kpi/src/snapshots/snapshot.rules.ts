// KPI snapshots (docs/product.md §KPI "Snapshots"). Pure: which periods have closed and still need their snapshots,
// the stable id of a period and dimension, when a changed day cell may be published again, and the event data.
import { createHash } from 'node:crypto';
import type { KpiSnapshotData } from '@opsgraph/contracts-events';
import type { Dimension, KpiFigures } from '../engine/cell.rules';
import type { OpsFigures } from '../operations/ops-cell.rules';
import {
  addDays,
  periodContaining,
  PERIOD_KINDS,
  type Day,
  type Period,
  type PeriodKind,
} from '../engine/period.rules';

/** A cell's live update is published at most this often (the "at most once per minute per cell"). */
export const LIVE_UPDATE_INTERVAL_MS = 60_000;
/** Only events this close to now mark cells for a live update: a replay of old history publishes nothing live. */
export const LIVE_EVENT_HORIZON_MS = 3600_000;
/** At most this many periods of one kind are closed per run (a service down for a long time catches up gradually). */
export const MAX_CLOSES_PER_RUN = 62;

/** The same UUID for every publication of one period and dimension (name-based, RFC 4122 version 5 layout). */
export function snapshotIdOf(kind: PeriodKind, start: Day, dimension: Dimension): string {
  const hash = createHash('sha1').update(
    `kpi-snapshot|${kind}|${start}|${dimension.kind}|${dimension.value}`,
  );
  const bytes = hash.digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The latest period of `kind` that has ended by `today` (the one before the period containing today). */
export function latestClosed(kind: PeriodKind, today: Day): Period {
  return periodContaining(kind, addDays(periodContaining(kind, today).start, -1));
}

/**
 * The periods of each kind to close now, oldest first: every period after the last one closed up to the latest
 * ended one (at most MAX_CLOSES_PER_RUN per kind). With none closed yet, only the latest ended one: history before
 * the service first ran is not published as closes.
 */
export function periodsToClose(today: Day, lastClosedStart: ReadonlyMap<PeriodKind, Day>): Period[] {
  const due: Period[] = [];
  for (const kind of PERIOD_KINDS) {
    const latest = latestClosed(kind, today);
    const last = lastClosedStart.get(kind);
    if (last === undefined) {
      due.push(latest);
      continue;
    }
    const periods: Period[] = [];
    for (let period = latest; period.start > last; period = latestClosed(kind, period.start)) {
      periods.unshift(period);
    }
    due.push(...periods.slice(-MAX_CLOSES_PER_RUN));
  }
  return due;
}

/**
 * A changed cell may be published now when it never was, or last was at or before this instant (one interval
 * ago); the pending-cells query applies it.
 */
export function liveCutoff(now: Date): Date {
  return new Date(now.getTime() - LIVE_UPDATE_INTERVAL_MS);
}

/**
 * The dimensions whose months are published as `kpi-snapshot.month_updated` (at most once per minute per
 * dimension and month; HR's appraisals read them) and whose snapshots carry complaints against.
 */
export const MONTH_UPDATE_KINDS: ReadonlySet<string> = new Set(['DEPARTMENT', 'EMPLOYEE']);

/**
 * The months to publish as month updates from the changed day cells: one per DEPARTMENT or EMPLOYEE dimension
 * and month, up to the running month (the one containing `today`). An earlier month is included too: a month the
 * service never closed for that dimension (history from before it ran, back-dated or late events) gets its figures
 * this way, while a published close is never changed — consumers let a close win over month updates. Sorted by
 * dimension, then month.
 */
export function monthUpdatesOf(
  changed: ReadonlyArray<{ dimension: Dimension; day: Day }>,
  today: Day,
): Array<{ dimension: Dimension; period: Period }> {
  const running = periodContaining('MONTH', today);
  const due = new Map<string, { dimension: Dimension; period: Period }>();
  for (const { dimension, day } of changed) {
    if (MONTH_UPDATE_KINDS.has(dimension.kind) && day <= running.end) {
      const period = periodContaining('MONTH', day);
      due.set(`${dimension.kind}|${dimension.value}|${period.start}`, { dimension, period });
    }
  }
  return [...due.keys()].sort().map((key) => due.get(key) as { dimension: Dimension; period: Period });
}

/** Whether a batch of events is live enough to mark its cells for a live update. */
export function isLive(latestEventAt: Date, now: Date): boolean {
  return now.getTime() - latestEventAt.getTime() <= LIVE_EVENT_HORIZON_MS;
}

export function snapshotData(
  period: Period,
  dimension: Dimension,
  figures: KpiFigures,
  timeZone: string,
  asOf: Date,
  /** The asset-fault, incident and praise figures when the dimension has such cells (the ticket figures are then 0). */
  operations: OpsFigures | null = null,
  /** The merged cells' complaints against the subject: carried by DEPARTMENT and EMPLOYEE snapshots only. */
  complaintsAgainst = 0,
): KpiSnapshotData {
  const blame = MONTH_UPDATE_KINDS.has(dimension.kind) ? { complaintsAgainst } : {};
  return {
    snapshotId: snapshotIdOf(period.kind, period.start, dimension),
    periodKind: period.kind,
    periodStart: period.start,
    periodEnd: period.end,
    timeZone,
    dimensionKind: dimension.kind,
    dimensionValue: dimension.value,
    figures: { ...figures, csatDistribution: [...figures.csatDistribution], ...blame },
    ...(operations === null ? {} : { operations: { ...operations } }),
    asOf: asOf.toISOString(),
  };
}
