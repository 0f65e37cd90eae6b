// Contract-valid ticket events, the payloads every pipeline measurement moves: each ticket is opened (v1), then gets
// progress notes (v2…), as a busy ticket service emits them, interleaved across tickets.
import { randomUUID } from 'node:crypto';
import {
  createEvent,
  toKafkaHeaders,
  TicketOpened,
  TicketProgressAdded,
  type DomainEvent,
  type TicketSnapshot,
} from '@opsgraph/contracts-events';
import { newTicketSnapshot } from '@opsgraph/contracts-events/testing';
import type { Message } from 'kafkajs';

const CHANNELS = ['PHONE', 'EMAIL', 'WEB', 'HOTLINE'] as const;
const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
const STATUSES = ['NEW', 'ACKNOWLEDGED', 'ASSIGNED', 'IN_PROGRESS'] as const;

export interface BenchTicket {
  id: string;
  number: string;
  customerId: string;
}

let ticketCounter = 0;

export function newTicket(customers: readonly string[]): BenchTicket {
  ticketCounter += 1;
  return {
    id: randomUUID(),
    number: `TCK-${String(ticketCounter).padStart(6, '0')}`,
    customerId: customers[ticketCounter % customers.length],
  };
}

export function customerIds(count: number): string[] {
  return Array.from({ length: count }, () => randomUUID());
}

function snapshot(ticket: BenchTicket, version: number): TicketSnapshot {
  return newTicketSnapshot({
    ticketId: ticket.id,
    number: ticket.number,
    kind: 'FAULT',
    category: 'SYSTEM_FAULT',
    channel: CHANNELS[version % CHANNELS.length],
    priority: PRIORITIES[version % PRIORITIES.length],
    status: version === 1 ? 'NEW' : STATUSES[Math.min(version, STATUSES.length) - 1],
    customerId: ticket.customerId,
    openedAt: '2025-03-03T01:15:00.000Z',
    responseDueAt: '2025-03-03T02:15:00.000Z',
    resolutionDueAt: '2025-03-03T09:15:00.000Z',
  });
}

/** The event that brings `ticket` to `version` (1: opened, later: a progress note). */
export function ticketEvent(ticket: BenchTicket, version: number): DomainEvent {
  const base = {
    aggregateId: ticket.id,
    aggregateVersion: version,
    producer: 'bench',
    actor: { id: null, role: 'system' as const },
  };
  if (version === 1) {
    return createEvent(TicketOpened, {
      ...base,
      data: { ...snapshot(ticket, 1), assetId: null, incidentId: null },
    });
  }
  return createEvent(TicketProgressAdded, {
    ...base,
    data: {
      ...snapshot(ticket, version),
      progressId: randomUUID(),
      visibility: 'INTERNAL',
      body: `Checked the switch logs and the portal's upstream again (update ${version}); waiting for the vendor.`,
    },
  });
}

/** `count` events over `count / perTicket` tickets, versions in order per ticket, tickets interleaved. */
export function ticketStream(count: number, perTicket = 4, customers = customerIds(200)): DomainEvent[] {
  const tickets = Array.from({ length: Math.ceil(count / perTicket) }, () => newTicket(customers));
  const events: DomainEvent[] = [];
  for (let version = 1; events.length < count; version++) {
    for (const ticket of tickets) {
      if (events.length >= count) break;
      events.push(ticketEvent(ticket, version));
    }
  }
  return events;
}

/** Exactly what the outbox relay sends for an event: key = aggregate id, the envelope as JSON, envelope headers. */
export function toMessage(event: DomainEvent): Message {
  return { key: event.aggregateId, value: JSON.stringify(event), headers: toKafkaHeaders(event) };
}
