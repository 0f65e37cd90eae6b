// FAULT tickets about an asset → its fault history (docs/product.md §4.1): ticket.opened (kind FAULT, with an
// assetId) reports a fault and the asset becomes FAULTY; ticket.resolved or ticket.closed repairs it and the asset
// goes back IN_USE. Each step runs in the consumer's transaction through a WriteTransaction, so the asset's row,
// audit lines and outbox events commit with the processed-event mark. Idempotent beyond the inbox's dedup: a
// ticket reports at most one fault (unique ticket_id) and a repaired fault stays repaired, so a replay of the topic
// changes nothing. The replay empties no table: the faults are part of the ledger, not a rebuildable read model.
import type { TicketEvent } from '@opsgraph/contracts-events';
import { SYSTEM_ACTOR } from '@opsgraph/contracts-events';
import type { OutboxWriter } from '@opsgraph/messaging';
import { defineProjection, WriteTransaction } from '@opsgraph/service-kit';
import type { EntityManager } from 'typeorm';
import { FaultRepository } from './fault.repository';
import { repairFaultIn, reportFaultIn } from './fault.service';

const earlier = (a: Date, b: Date): Date => (a.getTime() < b.getTime() ? a : b);

async function assetExists(manager: EntityManager, id: string): Promise<boolean> {
  const rows: unknown[] = await manager.query('select 1 from assets where id = $1', [id]);
  return rows.length === 1;
}

export async function applyTicketEvent(
  event: TicketEvent,
  manager: EntityManager,
  outbox: OutboxWriter,
): Promise<void> {
  const now = new Date(event.occurredAt);
  const tx = new WriteTransaction(
    manager,
    { caller: null, actor: SYSTEM_ACTOR, correlationId: event.correlationId, now },
    { dataSource: manager.connection, outbox, producer: 'asset', clock: () => now },
  );
  const faults = new FaultRepository(manager);
  if (event.type === 'ticket.opened') {
    const { assetId, kind, ticketId, number, openedAt } = event.data;
    if (kind !== 'FAULT' || assetId === null || !(await assetExists(manager, assetId))) return;
    if ((await faults.byTicket(ticketId)) !== null) return;
    await reportFaultIn(tx, {
      assetId,
      ticketId,
      description: `Fault ticket ${number}`,
      reportedAt: earlier(new Date(openedAt), now),
    });
  } else if (event.type === 'ticket.resolved' || event.type === 'ticket.closed') {
    const fault = await faults.byTicket(event.data.ticketId);
    if (fault === null || fault.status === 'REPAIRED') return;
    const resolvedAt = event.data.resolvedAt ?? event.data.closedAt ?? event.occurredAt;
    await repairFaultIn(tx, fault.id, {
      repairedAt: earlier(new Date(resolvedAt), now),
      notes: `Ticket ${event.data.number} ${event.type === 'ticket.resolved' ? 'resolved' : 'closed'}`,
    });
  }
}

export const faultTicketsProjection = (outbox: OutboxWriter) =>
  defineProjection({
    name: 'fault-tickets',
    topics: ['ticket'],
    handles: ['ticket.opened', 'ticket.resolved', 'ticket.closed'],
    handle: (event, manager) => applyTicketEvent(event, manager, outbox),
    tables: [],
  });
