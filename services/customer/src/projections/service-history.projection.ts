// Ticket events → the service-history read model, inside the consumer runtime's transaction (which has already
// recorded the event in processed_events: a redelivered event id never reaches this code). The per-ticket state row
// is merged with order-independent rules (service-history.rules.ts), and the customer summary changes by the
// difference between the ticket's old and new contribution, in the same transaction.
import type { DomainEvent, TicketEvent } from '@opsgraph/contracts-events';
import type { EntityManager } from 'typeorm';
import { ServiceHistoryRepository } from './service-history.repository';
import { applyTicketEvent, counterDeltas, sameState } from './service-history.rules';

export function isTicketEvent(event: DomainEvent): event is TicketEvent {
  return event.aggregateType === 'ticket';
}

export async function projectTicketEvent(event: DomainEvent, manager: EntityManager): Promise<void> {
  if (!isTicketEvent(event)) return;
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
