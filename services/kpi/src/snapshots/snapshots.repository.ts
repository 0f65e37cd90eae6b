// SQL of the KPI snapshots: the pending day cells, the cells and backlogs a snapshot reads, the published versions
// and the closed periods.
import type { EntityManager } from 'typeorm';
import type { CellCounters, Dimension } from '../engine/cell.rules';
import type { Day, Period, PeriodKind } from '../engine/period.rules';

export interface PendingCell {
  dimension: Dimension;
  day: Day;
}

export interface DimensionCells<C = CellCounters> {
  dimension: Dimension;
  cells: C[];
}

/** A queue of cells waiting for a live update: day cells, or the running months of departments and employees. */
interface PendingQueue {
  readonly table: string;
  /** The column holding the cell's day or the month's first day. */
  readonly start: string;
  /** The snapshot period whose `live_published_at` spaces the updates. */
  readonly periodKind: 'DAY' | 'MONTH';
}

const DAY_QUEUE: PendingQueue = { table: 'kpi_snapshot_pending', start: 'day', periodKind: 'DAY' };
const MONTH_QUEUE: PendingQueue = {
  table: 'kpi_snapshot_month_pending',
  start: 'month_start',
  periodKind: 'MONTH',
};

export class SnapshotsRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Marks changed day cells for a live update (the engine's transaction calls this). */
  markPending(cells: readonly PendingCell[], at: Date): Promise<void> {
    return this.mark(DAY_QUEUE, cells, at);
  }

  /** Marks the running months of changed departments and employees for a month update (`monthUpdatesOf`). */
  markMonthsPending(
    months: ReadonlyArray<{ dimension: Dimension; period: Period }>,
    at: Date,
  ): Promise<void> {
    return this.mark(
      MONTH_QUEUE,
      months.map((month) => ({ dimension: month.dimension, day: month.period.start })),
      at,
    );
  }

  /**
   * Pending cells whose last live update is at least `since` ago (or never), locked and skipped by other replicas.
   */
  lockDuePending(since: Date, limit: number): Promise<PendingCell[]> {
    return this.lockDue(DAY_QUEUE, since, limit);
  }

  /** Pending months whose last month update is at least `since` ago (or never), locked like `lockDuePending`. */
  lockDueMonths(since: Date, limit: number): Promise<PendingCell[]> {
    return this.lockDue(MONTH_QUEUE, since, limit);
  }

  clearPending(cells: readonly PendingCell[]): Promise<void> {
    return this.clear(DAY_QUEUE, cells);
  }

  clearMonths(months: readonly PendingCell[]): Promise<void> {
    return this.clear(MONTH_QUEUE, months);
  }

  private async mark(queue: PendingQueue, cells: readonly PendingCell[], at: Date): Promise<void> {
    if (cells.length === 0) return;
    await this.manager.query(
      `insert into ${queue.table} (dimension_kind, dimension_value, ${queue.start}, changed_at)
       select * from unnest($1::text[], $2::text[], $3::date[], $4::timestamptz[])
       on conflict (dimension_kind, dimension_value, ${queue.start}) do update set changed_at = excluded.changed_at`,
      [
        cells.map((cell) => cell.dimension.kind),
        cells.map((cell) => cell.dimension.value),
        cells.map((cell) => cell.day),
        cells.map(() => at),
      ],
    );
  }

  private async lockDue(queue: PendingQueue, since: Date, limit: number): Promise<PendingCell[]> {
    const rows: Array<{ kind: string; value: string; day: string }> = await this.manager.query(
      `select p.dimension_kind as kind, p.dimension_value as value, p.${queue.start}::text as day
       from ${queue.table} p
       left join kpi_snapshots s on s.period_kind = '${queue.periodKind}' and s.period_start = p.${queue.start}
         and s.dimension_kind = p.dimension_kind and s.dimension_value = p.dimension_value
       where s.live_published_at is null or s.live_published_at <= $1
       order by p.changed_at, p.dimension_kind, p.dimension_value, p.${queue.start}
       limit $2 for update of p skip locked`,
      [since, limit],
    );
    return rows.map((row) => ({
      dimension: { kind: row.kind as Dimension['kind'], value: row.value },
      day: row.day,
    }));
  }

  private async clear(queue: PendingQueue, cells: readonly PendingCell[]): Promise<void> {
    if (cells.length === 0) return;
    await this.manager.query(
      `delete from ${queue.table} p using unnest($1::text[], $2::text[], $3::date[]) as c(kind, value, day)
       where p.dimension_kind = c.kind and p.dimension_value = c.value and p.${queue.start} = c.day`,
      [cells.map((c) => c.dimension.kind), cells.map((c) => c.dimension.value), cells.map((c) => c.day)],
    );
  }

  /** Every dimension with a cell in the period, with its cells. */
  /** The period's cells by dimension: the ticket cells, or (`table`) the asset-fault, incident and praise cells. */
  async cellsByDimension<C = CellCounters>(
    period: Period,
    table: 'kpi_day_cells' | 'kpi_ops_day_cells' = 'kpi_day_cells',
  ): Promise<DimensionCells<C>[]> {
    const rows: Array<{ kind: string; value: string; counters: C }> = await this.manager.query(
      `select dimension_kind as kind, dimension_value as value, counters from ${table}
       where day between $1 and $2 order by dimension_kind, dimension_value, day`,
      [period.start, period.end],
    );
    const byDimension = new Map<string, DimensionCells<C>>();
    for (const row of rows) {
      const key = `${row.kind}|${row.value}`;
      const entry =
        byDimension.get(key) ??
        (byDimension
          .set(key, { dimension: { kind: row.kind as Dimension['kind'], value: row.value }, cells: [] })
          .get(key) as DimensionCells<C>);
      entry.cells.push(row.counters);
    }
    return [...byDimension.values()];
  }

  /** The day cell of each pending cell (absent when it became empty). */
  /** The ticket cells (or, with `table`, the asset-fault, incident and praise cells) of these keys. */
  async dayCells<C = CellCounters>(
    cells: readonly PendingCell[],
    table: 'kpi_day_cells' | 'kpi_ops_day_cells' = 'kpi_day_cells',
  ): Promise<Map<string, C>> {
    const rows: Array<{ key: string; counters: C }> = await this.manager.query(
      `select d.dimension_kind || '|' || d.dimension_value || '|' || d.day::text as key, d.counters
       from ${table} d join unnest($1::text[], $2::text[], $3::date[]) as c(kind, value, day)
         on d.dimension_kind = c.kind and d.dimension_value = c.value and d.day = c.day`,
      [cells.map((c) => c.dimension.kind), cells.map((c) => c.dimension.value), cells.map((c) => c.day)],
    );
    return new Map(rows.map((row) => [row.key, row.counters]));
  }

  /** Backlog at `end` (Σ intake − resolved up to it) for every dimension that has cells by then. */
  async backlogsAt(end: Day, kinds: readonly string[]): Promise<Map<string, number>> {
    const rows: Array<{ key: string; backlog: string }> = await this.manager.query(
      `select dimension_kind || '|' || dimension_value as key,
         sum((counters->>'intake')::int - (counters->>'resolved')::int) as backlog
       from kpi_day_cells where day <= $1 and dimension_kind = any($2) group by dimension_kind, dimension_value`,
      [end, kinds],
    );
    return new Map(rows.map((row) => [row.key, Number(row.backlog)]));
  }

  /**
   * The next aggregate version of each snapshot (inserted at 1), recording a live publication's time; in the
   * order given.
   */
  async nextVersions(
    snapshots: ReadonlyArray<{ id: string; kind: PeriodKind; start: Day; dimension: Dimension }>,
    livePublishedAt: Date | null,
  ): Promise<number[]> {
    const versions: number[] = [];
    for (const snapshot of snapshots) {
      const [row]: Array<{ version: number }> = await this.manager.query(
        `insert into kpi_snapshots (id, period_kind, period_start, dimension_kind, dimension_value, version,
           live_published_at) values ($1, $2, $3, $4, $5, 1, $6)
         on conflict (id) do update set version = kpi_snapshots.version + 1,
           live_published_at = coalesce($6, kpi_snapshots.live_published_at)
         returning version`,
        [
          snapshot.id,
          snapshot.kind,
          snapshot.start,
          snapshot.dimension.kind,
          snapshot.dimension.value,
          livePublishedAt,
        ],
      );
      versions.push(row.version);
    }
    return versions;
  }

  /** The start of the last closed period of each kind. */
  async lastCloses(): Promise<Map<PeriodKind, Day>> {
    const rows: Array<{ kind: PeriodKind; start: string }> = await this.manager.query(
      `select period_kind as kind, max(period_start)::text as start from kpi_period_closes group by period_kind`,
    );
    return new Map(rows.map((row) => [row.kind, row.start]));
  }

  /** Locks the period's close; false when it is closed already (another replica did it). */
  async claimClose(period: Period): Promise<boolean> {
    await this.manager.query('select pg_advisory_xact_lock(hashtextextended($1, 15))', [
      `kpi-close:${period.kind}|${period.start}`,
    ]);
    const [{ n }] = await this.manager.query(
      'select count(*)::int as n from kpi_period_closes where period_kind = $1 and period_start = $2',
      [period.kind, period.start],
    );
    return n === 0;
  }

  async recordClose(period: Period, closedAt: Date, snapshots: number): Promise<void> {
    await this.manager.query(
      `insert into kpi_period_closes (period_kind, period_start, period_end, closed_at, snapshots)
       values ($1, $2, $3, $4, $5)`,
      [period.kind, period.start, period.end, closedAt, snapshots],
    );
  }
}
