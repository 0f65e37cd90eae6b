// Ticket events → per-ticket facts → day cells per dimension (docs/product.md §KPI).
//
// Runs inside the consumer's transaction (which also records the event ids in processed_events): a redelivered
// event is skipped there, and one that slips through changes nothing, because the fact fold is idempotent and
// order-independent. A changed fact takes its old contribution out of its cells and puts its new one in, so every
// cell is the sum of the current facts' contributions — the tables are a function of the set of events seen.
import { ticketEventDefinitions, type TicketEvent } from '@opsgraph/contracts-events';
import { defineProjection, type Projection } from '@opsgraph/service-kit';
import { systemClock, type Clock } from '@opsgraph/domain';
import type { EntityManager } from 'typeorm';
import type { KpiConfig } from '../config';
import { Monitor } from '../monitoring/monitor';
import { isLive } from '../snapshots/snapshot.rules';
import { SnapshotsRepository } from '../snapshots/snapshots.repository';
import {
  applyContribution,
  contributionsOf,
  dimensionsOf,
  emptyCounters,
  isEmptyCell,
  type DayContribution,
  type Dimension,
} from './cell.rules';
import { CellsRepository, cellKeyText, KPI_ENGINE_TABLES, type CellKey } from './cells.repository';
import { applyTicketEvent, type TicketFact } from './ticket-fact.rules';

interface CellChange {
  key: CellKey;
  changes: Array<{ contribution: DayContribution; sign: 1 | -1 }>;
}

export class TicketKpiProjection {
  constructor(
    private readonly timeZone: string,
    private readonly monitor: Monitor | null = null,
    private readonly clock: Clock = systemClock,
  ) {}

  handle = (event: TicketEvent, manager: EntityManager): Promise<void> => this.handleBatch([event], manager);

  handleBatch = async (events: readonly TicketEvent[], manager: EntityManager): Promise<void> => {
    const byTicket = new Map<string, TicketEvent[]>();
    for (const event of events)
      byTicket.set(event.aggregateId, [...(byTicket.get(event.aggregateId) ?? []), event]);
    if (byTicket.size === 0) return;
    const repository = new CellsRepository(manager);
    const stored = await repository.lockFacts([...byTicket.keys()]);
    const cells = new Map<string, CellChange>();
    const touched = new Map<string, Dimension>();
    const collect = (fact: TicketFact, sign: 1 | -1) => {
      for (const dimension of dimensionsOf(fact))
        touched.set(`${dimension.kind}|${dimension.value}`, dimension);
      for (const contribution of contributionsOf(fact, this.timeZone)) {
        for (const dimension of dimensionsOf(fact)) {
          const key = { dimension, day: contribution.day };
          const text = cellKeyText(key);
          const change = cells.get(text) ?? cells.set(text, { key, changes: [] }).get(text);
          change?.changes.push({ contribution, sign });
        }
      }
    };
    for (const [ticketId, ticketEvents] of byTicket) {
      const before = stored.get(ticketId) ?? null;
      const after = ticketEvents.reduce<TicketFact | null>(
        (fact, event) => applyTicketEvent(fact, event),
        before,
      );
      if (after === null || after === before) continue;
      await repository.saveFact(after);
      if (before) collect(before, -1);
      collect(after, 1);
    }
    // Sorted, so that two consumers touching the same cells lock them in the same order.
    for (const text of [...cells.keys()].sort()) {
      const { key, changes } = cells.get(text) as CellChange;
      const cell = changes.reduce(
        (counters, { contribution, sign }) => applyContribution(counters, contribution, sign),
        await repository.lockCell(key, emptyCounters()),
      );
      await repository.writeCell(key, isEmptyCell(cell) ? null : cell);
    }
    if (touched.size === 0) return;
    const latest = events.reduce((a, b) => (a.occurredAt >= b.occurredAt ? a : b));
    // Live events (not a replay of old history) queue their cells for a throttled snapshot (snapshots/).
    const now = this.clock();
    if (cells.size > 0 && isLive(new Date(latest.occurredAt), now)) {
      await new SnapshotsRepository(manager).markPending(
        [...cells.keys()].sort().map((text) => {
          const { key } = cells.get(text) as CellChange;
          return { dimension: key.dimension, day: key.day };
        }),
        now,
      );
    }
    if (this.monitor) {
      await this.monitor.evaluate(
        manager,
        [...touched.values()],
        new Date(latest.occurredAt),
        latest.correlationId,
      );
    }
  };
}

/**
 * The projection as the kit runs it: consumer `kpi-ticket-kpi`, replayable (alerts are not part of the rebuilt
 * tables), in the zone's days, evaluating the monitoring rules after each batch.
 */
export function ticketKpiProjection(config: KpiConfig, clock: Clock = systemClock): Projection {
  const projection = new TicketKpiProjection(
    config.kpiTimeZone,
    new Monitor({ namespace: config.kafkaTopicNamespace, clock }),
    clock,
  );
  return defineProjection({
    name: 'ticket-kpi',
    topics: ['ticket'],
    handles: ticketEventDefinitions.map((definition) => definition.type),
    handle: projection.handle,
    handleBatch: projection.handleBatch,
    tables: KPI_ENGINE_TABLES,
  });
}
