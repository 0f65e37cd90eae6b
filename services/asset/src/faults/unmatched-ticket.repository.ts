// FAULT tickets about an asset the ledger does not know, parked by the `fault-tickets` projection until someone
// attaches them to the right asset or dismisses them (docs/product.md §4.1). Idempotent writes: the ticket id is the
// key, and a resolution is kept once.
import type { EntityManager } from 'typeorm';
import { insertRow } from '../sql';

export interface UnmatchedTicketRecord {
  readonly ticketId: string;
  /** The asset id the ticket names, unknown to the ledger. */
  readonly assetId: string;
  readonly ticketNumber: string;
  readonly openedAt: Date;
  /** When the ticket was resolved or closed, if it has been. */
  readonly ticketResolvedAt: Date | null;
  readonly receivedAt: Date;
  readonly dismissedAt: Date | null;
  readonly dismissReason: string | null;
}

export interface UnmatchedKeyset {
  readonly receivedAt: string;
  readonly ticketId: string;
}

const COLUMNS = `ticket_id as "ticketId", asset_id as "assetId", ticket_number as "ticketNumber",
  opened_at as "openedAt", ticket_resolved_at as "ticketResolvedAt", received_at as "receivedAt",
  dismissed_at as "dismissedAt", dismiss_reason as "dismissReason"`;

export class UnmatchedTicketRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Parks the ticket unless it is already there (a duplicate or a replay changes nothing, a dismissal stays). */
  async park(ticket: Omit<UnmatchedTicketRecord, 'ticketResolvedAt' | 'dismissedAt' | 'dismissReason'>) {
    const existing = await this.manager.query('select 1 from unmatched_fault_tickets where ticket_id = $1', [
      ticket.ticketId,
    ]);
    if (existing.length > 0) return;
    await insertRow(this.manager, 'unmatched_fault_tickets', {
      ticket_id: ticket.ticketId,
      asset_id: ticket.assetId,
      ticket_number: ticket.ticketNumber,
      opened_at: ticket.openedAt,
      received_at: ticket.receivedAt,
    });
  }

  /** Notes the ticket's first resolution (later closes and replays keep it). */
  async resolved(ticketId: string, at: Date): Promise<void> {
    await this.manager.query(
      `update unmatched_fault_tickets set ticket_resolved_at = coalesce(ticket_resolved_at, $2) where ticket_id = $1`,
      [ticketId, at],
    );
  }

  /** The parked ticket, not dismissed, locked until the transaction ends. */
  async lockOpen(ticketId: string): Promise<UnmatchedTicketRecord | null> {
    const rows: UnmatchedTicketRecord[] = await this.manager.query(
      `select ${COLUMNS} from unmatched_fault_tickets where ticket_id = $1 and dismissed_at is null for update`,
      [ticketId],
    );
    return rows[0] ?? null;
  }

  async remove(ticketId: string): Promise<void> {
    await this.manager.query('delete from unmatched_fault_tickets where ticket_id = $1', [ticketId]);
  }

  async dismiss(ticketId: string, at: Date, reason: string): Promise<UnmatchedTicketRecord> {
    const [rows] = await this.manager.query(
      `update unmatched_fault_tickets set dismissed_at = $2, dismiss_reason = $3 where ticket_id = $1
        returning ${COLUMNS}`,
      [ticketId, at, reason],
    );
    return rows[0];
  }

  /** Those not dismissed, newest first, after the keyset. */
  page(limit: number, after: UnmatchedKeyset | null): Promise<UnmatchedTicketRecord[]> {
    const keyset = after === null ? '' : 'and (received_at, ticket_id) < ($2::timestamptz, $3::uuid)';
    return this.manager.query(
      `select ${COLUMNS} from unmatched_fault_tickets where dismissed_at is null ${keyset}
        order by received_at desc, ticket_id desc limit $1`,
      after === null ? [limit] : [limit, after.receivedAt, after.ticketId],
    );
  }

  async count(): Promise<number> {
    const [{ n }] = await this.manager.query(
      'select count(*)::int as n from unmatched_fault_tickets where dismissed_at is null',
    );
    return n;
  }
}
