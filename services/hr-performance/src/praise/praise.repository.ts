// Praise credited to employees (表揚, docs/product.md §HR-2 "Praise"), one row per ticket and credited employee.
import type { EntityManager } from 'typeorm';
import type { Month } from '../calendar/month';

export const PRAISE_TABLES = ['praise_credits'] as const;

export class PraiseRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * The ticket's credited set as of `ticketVersion`: replaces what an older version credited, and ignores a version
   * older than the one stored (a correction may arrive before the credit it replaces). The month stays the first
   * credit's, so a correction moves a letter between people, never between months.
   */
  async credit(
    ticketId: string,
    employeeIds: readonly string[],
    month: Month,
    ticketVersion: number,
  ): Promise<void> {
    const [stored] = (await this.manager.query(
      'select max(ticket_version)::int as version, min(month) as month from praise_credits where ticket_id = $1',
      [ticketId],
    )) as { version: number | null; month: Month | null }[];
    if (stored?.version !== null && stored?.version !== undefined && stored.version >= ticketVersion) return;
    await this.manager.query('delete from praise_credits where ticket_id = $1', [ticketId]);
    await this.manager.query(
      `insert into praise_credits (ticket_id, employee_id, month, ticket_version)
       select $1, employee_id, $3, $4 from unnest($2::uuid[]) as employee_id`,
      [ticketId, employeeIds, stored?.month ?? month, ticketVersion],
    );
  }

  /** Praise letters per employee over the given months, keyed `employeeId`. */
  async counts(employeeIds: readonly string[], months: readonly Month[]): Promise<Map<string, number>> {
    if (employeeIds.length === 0 || months.length === 0) return new Map();
    const rows = (await this.manager.query(
      `select employee_id as "employeeId", count(*)::int as n from praise_credits
       where employee_id = any($1::uuid[]) and month = any($2::text[]) group by employee_id`,
      [employeeIds, months],
    )) as { employeeId: string; n: number }[];
    return new Map(rows.map((row) => [row.employeeId, row.n]));
  }
}
