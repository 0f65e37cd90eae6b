// FAULT tickets about an asset → its fault history (docs/product.md §4.1): ticket.opened (kind FAULT, with an
// assetId) reports a fault and the asset becomes FAULTY; ticket.resolved or ticket.closed repairs it and the asset
// goes back IN_USE. A FAULT ticket naming an asset the ledger does not know is parked in unmatched_fault_tickets
// (with its resolution, when it comes) for someone to attach to the right asset or dismiss. Each step runs in the consumer's transaction through a WriteTransaction, so the asset's row,
// audit lines and outbox events commit with the processed-event mark. Idempotent beyond the inbox's dedup: a
// ticket reports at most one fault (unique ticket_id), a repaired fault stays repaired and a parked ticket is parked
// once, so a replay of the topic changes nothing. The replay empties no table: the faults are part of the ledger, not a rebuildable read model.
import type { TicketEvent } from '@opsgraph/contracts-events';
import { SYSTEM_ACTOR } from '@opsgraph/contracts-events';
import type { OutboxWriter } from '@opsgraph/messaging';
import { defineProjection, WriteTransaction } from '@opsgraph/service-kit';
import type { EntityManager } from 'typeorm';
import { FaultRepository } from './fault.repository';
import { repairFaultIn, reportFaultIn, ticketFaultDescription } from './fault.service';
import { UnmatchedTicketRepository } from './unmatched-ticket.repository';

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
  const unmatched = new UnmatchedTicketRepository(manager);
  if (event.type === 'ticket.opened') {
    const { assetId, kind, ticketId, number, openedAt } = event.data;
    if (kind !== 'FAULT' || assetId === null) return;
    // Already a fault (perhaps attached by hand to another asset): nothing more to do.
    if ((await faults.byTicket(ticketId)) !== null) return;
    const reportedAt = earlier(new Date(openedAt), now);
    if (!(await assetExists(manager, assetId))) {
      await unmatched.park({
        ticketId,
        assetId,
        ticketNumber: number,
        openedAt: reportedAt,
        receivedAt: now,
      });
      return;
    }
    await reportFaultIn(tx, { assetId, ticketId, description: ticketFaultDescription(number), reportedAt });
  } else if (event.type === 'ticket.resolved' || event.type === 'ticket.closed') {
    const resolvedAt = earlier(
      new Date(event.data.resolvedAt ?? event.data.closedAt ?? event.occurredAt),
      now,
    );
    // Parked tickets note their resolution first: should someone be attaching the ticket right now, this waits for
    // that and the fault it records is then found below.
    await unmatched.resolved(event.data.ticketId, resolvedAt);
    const fault = await faults.byTicket(event.data.ticketId);
    if (fault === null || fault.status === 'REPAIRED') return;
    await repairFaultIn(tx, fault.id, {
      repairedAt: resolvedAt,
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
