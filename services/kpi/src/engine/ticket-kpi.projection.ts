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
import { KpiDefinitionRepository } from '../definitions/kpi-definition.repository';
import { Monitor } from '../monitoring/monitor';
import { isLive, monthUpdatesOf } from '../snapshots/snapshot.rules';
import { dayOf } from './period.rules';
import { SnapshotsRepository } from '../snapshots/snapshots.repository';
import { CellsRepository, KPI_ENGINE_TABLES } from './cells.repository';
import { writeFactChanges, type FactChange } from './fact-changes';
import { applyTicketEvent, type TicketFact } from './ticket-fact.rules';

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
    // The definition first: a definition replay (which locks it for update) and this batch never overlap.
    const definition = await new KpiDefinitionRepository(manager).appliedForShare();
    // The customer's tier is read under its lock, so that a tier change (customer-tiers projection) either sees
    // these facts or is seen by them.
    const customerIds = [...new Set(events.map((event) => event.data.customerId))];
    await repository.lockCustomers(customerIds);
    const tiers = await repository.tiersOf(customerIds);
    const stored = await repository.lockFacts([...byTicket.keys()]);
    const changes: FactChange[] = [];
    for (const [ticketId, ticketEvents] of byTicket) {
      const before = stored.get(ticketId) ?? null;
      const folded = ticketEvents.reduce<TicketFact | null>(
        (fact, event) => applyTicketEvent(fact, event),
        before,
      );
      if (folded === null || folded === before) continue;
      const after = { ...folded, customerTier: tiers.get(folded.customerId ?? '') ?? null };
      changes.push({ before, after });
    }
    if (changes.length === 0) return;
    const written = await writeFactChanges(repository, changes, this.timeZone, definition);
    const latest = events.reduce((a, b) => (a.occurredAt >= b.occurredAt ? a : b));
    // Live events (not a replay of old history) queue their cells for a throttled snapshot (snapshots/). A change to
    // the running month queues its month update whatever the events' age (a late or back-dated event still changes
    // the figures that appraisals read); monthUpdatesOf keeps only the running month.
    const now = this.clock();
    const snapshots = new SnapshotsRepository(manager);
    if (written.cells.length > 0 && isLive(new Date(latest.occurredAt), now)) {
      await snapshots.markPending(written.cells, now);
    }
    await snapshots.markMonthsPending(monthUpdatesOf(written.cells, dayOf(now, this.timeZone)), now);
    if (this.monitor) {
      await this.monitor.evaluate(
        manager,
        written.dimensions,
        new Date(latest.occurredAt),
        latest.correlationId,
      );
    }
  };
}

/**
 * The engine's consumer settings. Every batch updates the same few cells of the day (overall, each channel, kind
 * and category) under row locks, and locks its customers first, so batches of different partitions processed side
 * by side only wait for one another: the batches of all the ticket topic's partitions fetched together share one
 * transaction instead (a failed one is retried batch by batch, then event by event).
 */
export const TICKET_KPI_CONSUMER = { partitionsConcurrently: 6, shareTransaction: true } as const;

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
    consumer: TICKET_KPI_CONSUMER,
  });
}
