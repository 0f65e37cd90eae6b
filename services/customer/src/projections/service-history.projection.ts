// Ticket events → the service-history read model, inside the consumer runtime's transaction (which has already
// recorded the event in processed_events: a redelivered event id never reaches this code). The per-ticket state row
// is merged with order-independent rules (service-history.rules.ts), and the customer summary changes by the
// difference between the ticket's old and new contribution, in the same transaction.
import { ticketEventDefinitions, type TicketEvent } from '@opsgraph/contracts-events';
import { defineProjection } from '@opsgraph/service-kit';
import type { EntityManager } from 'typeorm';
import { SERVICE_HISTORY_TABLES, ServiceHistoryRepository } from './service-history.repository';
import { applyTicketEvent, counterDeltas, sameState } from './service-history.rules';

export async function projectTicketEvent(event: TicketEvent, manager: EntityManager): Promise<void> {
  const history = new ServiceHistoryRepository(manager);
  const before = await history.lockTicket(event.aggregateId);
  const after = applyTicketEvent(before, event);
  // A late or repeated event (older snapshot, earlier contact) changes nothing.
  if (sameState(before, after)) return;
  const customers =
    before && before.customerId !== after.customerId
      ? [before.customerId, after.customerId]
      : [after.customerId];
  await history.lockSummaries(customers);
  await history.saveTicket(after);
  for (const [customerId, delta] of counterDeltas(before, after))
    await history.addCounters(customerId, delta);
  await history.refreshLatest(customers);
}

/** Consumer `customer-service-history` (the group and processed_events keep their deployed name). */
export const serviceHistoryProjection = defineProjection({
  name: 'service-history',
  topics: ['ticket'],
  // Every ticket event carries the ticket's snapshot, which is all the history needs.
  handles: ticketEventDefinitions.map((definition) => definition.type),
  handle: (event, manager) => projectTicketEvent(event, manager),
  // One transaction per Kafka batch (replays, bursts); the runtime falls back to `handle` one by one on failure,
  // e.g. a deadlock between replicas consuming other partitions.
  handleBatch: async (events, manager) => {
    for (const event of events) await projectTicketEvent(event, manager);
  },
  tables: SERVICE_HISTORY_TABLES,
});
