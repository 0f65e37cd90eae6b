import { randomUUID } from 'node:crypto';
import {
  createEvent,
  TicketProgressAdded,
  type DomainEvent,
  type EventOf,
  type TicketSnapshot,
} from '@opsgraph/contracts-events';
import { newTicketSnapshot } from '@opsgraph/contracts-events/testing';

const CUSTOMER_ID = '9b2e6d40-1c3f-4a85-b7e2-5d8f0a1c3e67';

function snapshot(ticketId: string): TicketSnapshot {
  return newTicketSnapshot({
    ticketId,
    number: 'TCK-000123',
    kind: 'FAULT',
    category: 'SYSTEM_FAULT',
    channel: 'PHONE',
    priority: 'P2',
    status: 'IN_PROGRESS',
    customerId: CUSTOMER_ID,
    openedAt: '2025-03-03T01:15:00.000Z',
  });
}

/** A real, contract-valid ticket event for aggregate `ticketId` at `version`; `body` is its progress note. */
export function ticketEvent(
  ticketId: string,
  version: number,
  body = `update ${version}`,
): EventOf<typeof TicketProgressAdded> {
  return createEvent(TicketProgressAdded, {
    aggregateId: ticketId,
    aggregateVersion: version,
    producer: 'messaging-test',
    actor: { id: null, role: 'system' },
    data: {
      ...snapshot(ticketId),
      progressId: randomUUID(),
      visibility: 'INTERNAL',
      body,
    },
  });
}

/** `perAggregate` versions (1..n) for each of `aggregates` new tickets, interleaved as a busy service would emit them. */
export function ticketStream(aggregates: number, perAggregate: number): DomainEvent[] {
  const ids = Array.from({ length: aggregates }, () => randomUUID());
  const events: DomainEvent[] = [];
  for (let version = 1; version <= perAggregate; version++) {
    for (const id of ids) events.push(ticketEvent(id, version));
  }
  return events;
}
