// Asset-fault, incident and praise events → facts → day cells (docs/product.md §KPI), the same way as the ticket engine:
// inside the consumer's transaction, an idempotent order-independent fold per fact, and a changed fact's old
// contribution taken out of its cells before the new one is put in — the tables are a function of the events seen.
// Live events queue their cells for a throttled snapshot, as the ticket engine's do (snapshots/).
import {
  assetEventDefinitions,
  incidentEventDefinitions,
  type AssetEvent,
  type IncidentEvent,
  type PraiseEvent,
} from '@opsgraph/contracts-events';
import { defineProjection, type Projection } from '@opsgraph/service-kit';
import { systemClock, type Clock } from '@opsgraph/domain';
import type { EntityManager } from 'typeorm';
import type { KpiConfig } from '../config';
import { isLive, monthUpdatesOf } from '../snapshots/snapshot.rules';
import { dayOf } from '../engine/period.rules';
import { SnapshotsRepository } from '../snapshots/snapshots.repository';
import { lockKeys } from '../engine/advisory-locks';
import { CellsRepository, cellKeyText, type CellKey } from '../engine/cells.repository';
import {
  applyOpsContribution,
  emptyOpsCounters,
  isEmptyOpsCell,
  opsContributionsOf,
  opsDimensionsOf,
  type OpsContribution,
  type OpsFact,
} from './ops-cell.rules';
import { applyFaultEvent, applyIncidentEvent, applyPraiseEvent, isFaultEvent } from './ops-fact.rules';

export const OPS_TABLES = ['kpi_ops_facts', 'kpi_ops_day_cells', 'kpi_assets'];

type OpsEvent = AssetEvent | IncidentEvent | PraiseEvent;

const keyOf = (event: OpsEvent): string | null => {
  if (event.aggregateType === 'incident') return `incident:${event.aggregateId}`;
  if (event.type === 'ticket.praise_credited') return `praise:${event.aggregateId}`;
  return isFaultEvent(event) ? `fault:${event.data.faultId}` : null;
};

function fold(fact: OpsFact | null, event: OpsEvent): OpsFact | null {
  if (event.aggregateType === 'incident') {
    const before = fact && 'incident' in fact ? fact.incident : null;
    const after = applyIncidentEvent(before, event);
    return after === before ? fact : { incident: after };
  }
  if (event.type === 'ticket.praise_credited') {
    const before = fact && 'praise' in fact ? fact.praise : null;
    const after = applyPraiseEvent(before, event);
    return after === before ? fact : { praise: after };
  }
  if (!isFaultEvent(event)) return fact;
  const before = fact && 'fault' in fact ? fact.fault : null;
  const after = applyFaultEvent(before, event);
  return after === before ? fact : { fault: after };
}

/** The asset in service or not, by its category (the newest version wins): availability's denominator. */
async function recordAsset(event: AssetEvent, manager: EntityManager): Promise<void> {
  await manager.query(
    `insert into kpi_assets (asset_id, category, in_service, version) values ($1, $2, $3, $4)
     on conflict (asset_id) do update set category = excluded.category, in_service = excluded.in_service,
       version = excluded.version
     where kpi_assets.version < excluded.version`,
    [event.data.assetId, event.data.category, event.data.status !== 'RETIRED', event.aggregateVersion],
  );
}

export class OpsKpiProjection {
  constructor(
    private readonly timeZone: string,
    private readonly clock: Clock = systemClock,
  ) {}

  handle = (event: OpsEvent, manager: EntityManager): Promise<void> => this.handleBatch([event], manager);

  handleBatch = async (events: readonly OpsEvent[], manager: EntityManager): Promise<void> => {
    for (const event of events) if (event.aggregateType === 'asset') await recordAsset(event, manager);
    const byKey = new Map<string, OpsEvent[]>();
    for (const event of events) {
      const key = keyOf(event);
      if (key !== null) byKey.set(key, [...(byKey.get(key) ?? []), event]);
    }
    if (byKey.size === 0) return;
    const keys = [...byKey.keys()].sort();
    await lockKeys(
      manager,
      keys.map((key) => `kpi-ops:${key}`),
    );
    const rows: Array<{ fact_key: string; fact: OpsFact }> = await manager.query(
      'select fact_key, fact from kpi_ops_facts where fact_key = any($1)',
      [keys],
    );
    const stored = new Map(rows.map((row) => [row.fact_key, row.fact]));
    const cells = new Map<string, { key: CellKey; changes: Array<[OpsContribution, 1 | -1]> }>();
    const collect = (fact: OpsFact, sign: 1 | -1) => {
      for (const contribution of opsContributionsOf(fact, this.timeZone)) {
        for (const dimension of opsDimensionsOf(fact)) {
          const key = { dimension, day: contribution.day };
          const text = cellKeyText(key);
          const change = cells.get(text) ?? cells.set(text, { key, changes: [] }).get(text);
          change?.changes.push([contribution, sign]);
        }
      }
    };
    const saved: Array<[key: string, fact: OpsFact]> = [];
    for (const key of keys) {
      const before = stored.get(key) ?? null;
      const after = (byKey.get(key) ?? []).reduce<OpsFact | null>((fact, event) => fold(fact, event), before);
      if (after === null || after === before) continue;
      saved.push([key, after]);
      if (before) collect(before, -1);
      collect(after, 1);
    }
    if (saved.length > 0) {
      await manager.query(
        `insert into kpi_ops_facts (fact_key, fact) select * from unnest($1::text[], $2::jsonb[])
         on conflict (fact_key) do update set fact = excluded.fact`,
        [saved.map(([key]) => key), saved.map(([, fact]) => JSON.stringify(fact))],
      );
    }
    const repository = new CellsRepository(manager, 'kpi_ops_day_cells');
    const written = [...cells.keys()].sort();
    const ordered = written.map(
      (text) => cells.get(text) as { key: CellKey; changes: Array<[OpsContribution, 1 | -1]> },
    );
    const locked = await repository.lockCells(
      ordered.map(({ key }) => key),
      emptyOpsCounters(),
    );
    await repository.writeCells(
      ordered.map(({ key, changes }, index) => {
        const cell = changes.reduce(
          (counters, [contribution, sign]) => applyOpsContribution(counters, contribution, sign),
          locked[index],
        );
        return { key, counters: isEmptyOpsCell(cell) ? null : cell };
      }),
    );
    const latest = events.reduce((a, b) => (a.occurredAt >= b.occurredAt ? a : b));
    const now = this.clock();
    const changed = written.map((text) => (cells.get(text) as { key: CellKey }).key);
    const snapshots = new SnapshotsRepository(manager);
    if (changed.length > 0 && isLive(new Date(latest.occurredAt), now))
      await snapshots.markPending(changed, now);
    // The running month's update, whatever the events' age (as for ticket cells).
    await snapshots.markMonthsPending(monthUpdatesOf(changed, dayOf(now, this.timeZone)), now);
  };
}

export function opsKpiProjection(config: KpiConfig, clock: Clock = systemClock): Projection {
  const projection = new OpsKpiProjection(config.kpiTimeZone, clock);
  return defineProjection({
    name: 'ops-kpi',
    topics: ['asset', 'incident', 'ticket'],
    handles: [
      ...assetEventDefinitions.map((d) => d.type),
      ...incidentEventDefinitions.map((d) => d.type),
      'ticket.praise_credited',
    ],
    handle: projection.handle,
    handleBatch: projection.handleBatch,
    tables: OPS_TABLES,
  });
}
