// The corrective_actions table (docs/product.md §11.2); written only under the ticket's row lock.
import type { EntityManager } from 'typeorm';
import type { CorrectiveAction } from './corrective-action.rules';

interface Row {
  id: string;
  ticket_id: string;
  position: number;
  description: string;
  owner_id: string;
  due_at: Date;
  status: CorrectiveAction['status'];
  evidence: string | null;
  done_at: Date | null;
  done_by: string | null;
  verified_at: Date | null;
  verified_by: string | null;
  verification_note: string | null;
  overdue_reported_for: Date | null;
  created_at: Date;
}

const toAction = (row: Row): CorrectiveAction => ({
  id: row.id,
  ticketId: row.ticket_id,
  position: row.position,
  description: row.description,
  ownerId: row.owner_id,
  dueAt: row.due_at,
  status: row.status,
  evidence: row.evidence,
  doneAt: row.done_at,
  doneBy: row.done_by,
  verifiedAt: row.verified_at,
  verifiedBy: row.verified_by,
  verificationNote: row.verification_note,
  overdueReportedFor: row.overdue_reported_for,
  createdAt: row.created_at,
});

export class CorrectiveActionRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The actions of the tickets, in plan order per ticket. */
  async ofTickets(ticketIds: readonly string[]): Promise<CorrectiveAction[]> {
    if (ticketIds.length === 0) return [];
    const rows: Row[] = await this.manager.query(
      'select * from corrective_actions where ticket_id = any($1::uuid[]) order by ticket_id, position',
      [[...ticketIds]],
    );
    return rows.map(toAction);
  }

  async insert(action: CorrectiveAction): Promise<void> {
    await this.manager.query(
      `insert into corrective_actions (id, ticket_id, position, description, owner_id, due_at, status, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        action.id,
        action.ticketId,
        action.position,
        action.description,
        action.ownerId,
        action.dueAt,
        action.status,
        action.createdAt,
      ],
    );
  }

  /** Saves the action's progress (status, evidence, verdict, overdue report). */
  async update(action: CorrectiveAction): Promise<void> {
    await this.manager.query(
      `update corrective_actions set status = $2, evidence = $3, done_at = $4, done_by = $5, verified_at = $6,
              verified_by = $7, verification_note = $8, overdue_reported_for = $9
        where id = $1`,
      [
        action.id,
        action.status,
        action.evidence,
        action.doneAt,
        action.doneBy,
        action.verifiedAt,
        action.verifiedBy,
        action.verificationNote,
        action.overdueReportedFor,
      ],
    );
  }

  /**
   * Claims a ticket (FOR UPDATE SKIP LOCKED: replicas take different ones) with an action past its due date and not
   * reported for it; the ticket row is locked first, as every use-case does, so scanner and use-cases never deadlock.
   */
  async claimTicketWithOverdueAction(now: Date): Promise<string | null> {
    const rows: { id: string }[] = await this.manager.query(
      `select t.id from tickets t
        where (t.import_hold_until is null or t.import_hold_until <= $1)
          and exists (select 1 from corrective_actions a
                       where a.ticket_id = t.id and a.status in ('OPEN', 'REJECTED') and a.due_at <= $1
                         and a.overdue_reported_for is distinct from a.due_at)
        limit 1
        for update of t skip locked`,
      [now],
    );
    return rows[0]?.id ?? null;
  }
}
