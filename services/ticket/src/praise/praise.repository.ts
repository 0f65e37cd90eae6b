// The employees PRAISE tickets are credited to (docs/product.md §11.7); written under the ticket's row lock.
import type { EntityManager } from 'typeorm';

export interface PraiseCredit {
  readonly ticketId: string;
  readonly employeeId: string;
}

export class PraiseRepository {
  constructor(private readonly manager: EntityManager) {}

  async ofTickets(ticketIds: readonly string[]): Promise<PraiseCredit[]> {
    if (ticketIds.length === 0) return [];
    const rows: { ticket_id: string; employee_id: string }[] = await this.manager.query(
      'select ticket_id, employee_id from praise_credits where ticket_id = any($1::uuid[]) order by ticket_id, employee_id',
      [[...ticketIds]],
    );
    return rows.map((row) => ({ ticketId: row.ticket_id, employeeId: row.employee_id }));
  }

  /** The ticket is credited to exactly `employeeIds` from now on. */
  async replace(ticketId: string, employeeIds: readonly string[], now: Date, by: string | null): Promise<void> {
    await this.manager.query('delete from praise_credits where ticket_id = $1', [ticketId]);
    await this.manager.query(
      `insert into praise_credits (ticket_id, employee_id, credited_at, credited_by)
       select $1, unnest($2::uuid[]), $3, $4`,
      [ticketId, [...employeeIds], now, by],
    );
  }
}
