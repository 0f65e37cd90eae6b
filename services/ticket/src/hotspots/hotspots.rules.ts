// Complaint hot spots (docs/product.md §11.6, P3 §六(五) 「定期對投訴數據進行統計分析,找出投訴高發的環節和問題類型」): the
// period's complaints grouped by a dimension, each group's share of the complaints, its complaint rate among all
// tickets of the group (where the group has tickets of other kinds), and its trend against the period before. Pure.

export const HOTSPOT_DIMENSIONS = ['CATEGORY', 'DEPARTMENT', 'ROOT_CAUSE', 'ASSET', 'CHANNEL'] as const;
export type HotspotDimension = (typeof HOTSPOT_DIMENSIONS)[number];

export const HOTSPOT_TRENDS = ['UP', 'DOWN', 'FLAT', 'NEW'] as const;
export type HotspotTrend = (typeof HOTSPOT_TRENDS)[number];

export interface Period {
  readonly from: Date;
  /** Exclusive. */
  readonly to: Date;
}

/** One group's figures in one period. `tickets`: all tickets of the group (null when the group has none but complaints). */
export interface GroupCount {
  readonly key: string | null;
  readonly complaints: number;
  readonly tickets: number | null;
}

export interface Hotspot {
  readonly key: string | null;
  readonly count: number;
  readonly previousCount: number;
  /** Of the period's complaints, 0–1. */
  readonly share: number;
  /** Complaints per ticket of the group, 0–1; null for root causes (only complaints have one). */
  readonly rate: number | null;
  readonly trend: HotspotTrend;
}

/** The period of the same length just before `period`. */
export function previousPeriod(period: Period): Period {
  const length = period.to.getTime() - period.from.getTime();
  return { from: new Date(period.from.getTime() - length), to: period.from };
}

export function trendOf(count: number, previousCount: number): HotspotTrend {
  if (previousCount === 0) return count === 0 ? 'FLAT' : 'NEW';
  if (count === previousCount) return 'FLAT';
  return count > previousCount ? 'UP' : 'DOWN';
}

/** Groups with complaints in the period, most complaints first (ties: the larger increase, then the key). */
export function hotspotsOf(current: readonly GroupCount[], previous: readonly GroupCount[]): Hotspot[] {
  const total = current.reduce((sum, group) => sum + group.complaints, 0);
  const before = new Map(previous.map((group) => [group.key, group.complaints]));
  return current
    .filter((group) => group.complaints > 0)
    .map((group) => {
      const previousCount = before.get(group.key) ?? 0;
      return {
        key: group.key,
        count: group.complaints,
        previousCount,
        share: group.complaints / total,
        rate: group.tickets === null || group.tickets === 0 ? null : group.complaints / group.tickets,
        trend: trendOf(group.complaints, previousCount),
      };
    })
    .sort(
      (a, b) =>
        b.count - a.count ||
        b.count - b.previousCount - (a.count - a.previousCount) ||
        String(a.key).localeCompare(String(b.key)),
    );
}
