// Publishes KPI snapshots on opsgraph.kpi.snapshots.v1 through the outbox (docs/product.md §KPI "Snapshots"):
// the closes of the periods that ended (each in one transaction, once, whatever the replicas do) and the live
// updates of the day cells the engines marked (at most once per minute per cell; other replicas skip the rows
// one locked). The job `kpi-snapshots` runs both. A snapshot holds the ticket figures and, where the dimension has
// asset-fault, incident or praise cells (OVERALL, ASSET_CATEGORY, INCIDENT_SEVERITY, EMPLOYEE), their figures.
import {
  createEvent,
  KpiSnapshotLiveUpdated,
  KpiSnapshotMonthUpdated,
  KpiSnapshotPeriodClosed,
  SYSTEM_ACTOR,
  type EventEnvelope,
} from '@opsgraph/contracts-events';
import type { Clock } from '@opsgraph/domain';
import { OutboxWriter } from '@opsgraph/messaging';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { kpiFigures, mergeCells, type Dimension } from '../engine/cell.rules';
import { CellsRepository } from '../engine/cells.repository';
import { dayOf, periodContaining, type Period } from '../engine/period.rules';
import { mergeOpsCells, opsFigures, type OpsCounters } from '../operations/ops-cell.rules';
import { liveCutoff, periodsToClose, snapshotData, snapshotIdOf } from './snapshot.rules';
import { SnapshotsRepository } from './snapshots.repository';

/** The dimension kinds of the ticket cells, whose backlogs a period close reads. */
const TICKET_DIMENSION_KINDS = [
  'OVERALL',
  'DEPARTMENT',
  'EMPLOYEE',
  'CHANNEL',
  'KIND',
  'CATEGORY',
  'CUSTOMER_TIER',
];
const LIVE_BATCH = 200;

export interface SnapshotRun {
  closedPeriods: number;
  closeSnapshots: number;
  liveUpdates: number;
  monthUpdates: number;
}

export class SnapshotPublisher {
  private readonly outbox: OutboxWriter;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: { namespace: string; timeZone: string; clock: Clock },
  ) {
    this.outbox = new OutboxWriter({ namespace: options.namespace });
  }

  async runOnce(): Promise<SnapshotRun> {
    const { closedPeriods, closeSnapshots } = await this.closeEndedPeriods();
    let liveUpdates = 0;
    for (let batch = await this.publishLive(); batch > 0; batch = await this.publishLive())
      liveUpdates += batch;
    let monthUpdates = 0;
    for (let batch = await this.publishMonths(); batch > 0; batch = await this.publishMonths())
      monthUpdates += batch;
    return { closedPeriods, closeSnapshots, liveUpdates, monthUpdates };
  }

  /** Closes every period that ended and is not closed yet; returns how many periods and snapshots. */
  async closeEndedPeriods(): Promise<{ closedPeriods: number; closeSnapshots: number }> {
    const now = this.options.clock();
    const today = dayOf(now, this.options.timeZone);
    const last = await new SnapshotsRepository(this.dataSource.manager).lastCloses();
    let closedPeriods = 0;
    let closeSnapshots = 0;
    for (const period of periodsToClose(today, last)) {
      const published = await this.dataSource.transaction((manager) => this.close(manager, period, now));
      if (published !== null) {
        closedPeriods += 1;
        closeSnapshots += published;
      }
    }
    return { closedPeriods, closeSnapshots };
  }

  private async close(manager: EntityManager, period: Period, now: Date): Promise<number | null> {
    const repository = new SnapshotsRepository(manager);
    if (!(await repository.claimClose(period))) return null;
    const [ticketCells, opsCells, backlogs] = await Promise.all([
      repository.cellsByDimension(period),
      repository.cellsByDimension<OpsCounters>(period, 'kpi_ops_day_cells'),
      repository.backlogsAt(period.end, TICKET_DIMENSION_KINDS),
    ]);
    const keyOf = (dimension: Dimension) => `${dimension.kind}|${dimension.value}`;
    const dimensions = new Map<string, Dimension>();
    for (const { dimension } of [...ticketCells, ...opsCells]) dimensions.set(keyOf(dimension), dimension);
    const ticketsOf = new Map(ticketCells.map((entry) => [keyOf(entry.dimension), entry.cells]));
    const opsOf = new Map(opsCells.map((entry) => [keyOf(entry.dimension), entry.cells]));
    const snapshots = [...dimensions.keys()].sort().map((key) => {
      const dimension = dimensions.get(key) as Dimension;
      const ops = opsOf.get(key);
      return {
        period,
        dimension,
        data: snapshotData(
          period,
          dimension,
          kpiFigures(mergeCells(ticketsOf.get(key) ?? []), backlogs.get(key) ?? 0),
          this.options.timeZone,
          now,
          ops ? opsFigures(mergeOpsCells(ops)) : null,
          mergeCells(ticketsOf.get(key) ?? []).complaintsAgainst,
        ),
      };
    });
    await this.append(manager, KpiSnapshotPeriodClosed, snapshots, null, now);
    await repository.recordClose(period, now, snapshots.length);
    return snapshots.length;
  }

  /** Publishes one batch of due live updates; returns how many (0: nothing is due). */
  async publishLive(): Promise<number> {
    const now = this.options.clock();
    return this.dataSource.transaction(async (manager) => {
      const repository = new SnapshotsRepository(manager);
      const cellsRepository = new CellsRepository(manager);
      const due = await repository.lockDuePending(liveCutoff(now), LIVE_BATCH);
      if (due.length === 0) return 0;
      const [cells, opsCells] = await Promise.all([
        repository.dayCells(due),
        repository.dayCells<OpsCounters>(due, 'kpi_ops_day_cells'),
      ]);
      const snapshots = [];
      for (const { dimension, day } of due) {
        const period: Period = { kind: 'DAY', start: day, end: day };
        const key = `${dimension.kind}|${dimension.value}|${day}`;
        const cell = cells.get(key);
        const opsCell = opsCells.get(key);
        // one dimension value's days up to this one (the cells' primary key serves it)
        const backlog = await cellsRepository.backlogAt(dimension.kind, [dimension.value], day);
        const merged = mergeCells(cell ? [cell] : []);
        const figures = kpiFigures(merged, backlog);
        const operations = opsCell ? opsFigures(opsCell) : null;
        snapshots.push({
          period,
          dimension,
          data: snapshotData(
            period,
            dimension,
            figures,
            this.options.timeZone,
            now,
            operations,
            merged.complaintsAgainst,
          ),
        });
      }
      await this.append(manager, KpiSnapshotLiveUpdated, snapshots, now, now);
      await repository.clearPending(due);
      return due.length;
    });
  }

  /**
   * Publishes one batch of due month updates (a month of a department or employee whose day cells
   * live events changed; at most once per minute per dimension); returns how many rows it handled (0: none due).
   * Any month up to the running one (an earlier month's update never changes its published close).
   */
  async publishMonths(): Promise<number> {
    const now = this.options.clock();
    return this.dataSource.transaction(async (manager) => {
      const repository = new SnapshotsRepository(manager);
      const due = await repository.lockDueMonths(liveCutoff(now), LIVE_BATCH);
      if (due.length === 0) return 0;
      const tickets = new CellsRepository(manager);
      const ops = new CellsRepository(manager, 'kpi_ops_day_cells');
      const snapshots = [];
      for (const { dimension, day } of due) {
        const month = periodContaining('MONTH', day);
        const values = [dimension.value];
        const merged = mergeCells(await tickets.cells(dimension.kind, values, month.start, month.end));
        const opsCells = await ops.cells<OpsCounters>(dimension.kind, values, month.start, month.end);
        const backlog = await tickets.backlogAt(dimension.kind, values, month.end);
        const period: Period = { kind: 'MONTH', start: month.start, end: month.end };
        snapshots.push({
          period,
          dimension,
          data: snapshotData(
            period,
            dimension,
            kpiFigures(merged, backlog),
            this.options.timeZone,
            now,
            opsCells.length > 0 ? opsFigures(mergeOpsCells(opsCells)) : null,
            merged.complaintsAgainst,
          ),
        });
      }
      await this.append(manager, KpiSnapshotMonthUpdated, snapshots, now, now);
      await repository.clearMonths(due);
      return due.length;
    });
  }

  private async append(
    manager: EntityManager,
    definition:
      typeof KpiSnapshotPeriodClosed | typeof KpiSnapshotLiveUpdated | typeof KpiSnapshotMonthUpdated,
    snapshots: ReadonlyArray<{ period: Period; dimension: Dimension; data: ReturnType<typeof snapshotData> }>,
    livePublishedAt: Date | null,
    now: Date,
  ): Promise<void> {
    const ids = snapshots.map(({ period, dimension }) => ({
      id: snapshotIdOf(period.kind, period.start, dimension),
      kind: period.kind,
      start: period.start,
      dimension,
    }));
    const versions = await new SnapshotsRepository(manager).nextVersions(ids, livePublishedAt);
    const correlationId = randomUUID();
    const events: EventEnvelope[] = snapshots.map((snapshot, index) =>
      createEvent(definition, {
        aggregateId: snapshot.data.snapshotId,
        aggregateVersion: versions[index],
        producer: 'kpi',
        actor: SYSTEM_ACTOR,
        correlationId,
        occurredAt: now.toISOString(),
        data: snapshot.data,
      }),
    );
    await this.outbox.appendMany(manager, events);
  }
}
