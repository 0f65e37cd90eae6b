// The investigations of a window and the reports of recurring causes (docs/product.md §11.3).
import type { EntityManager } from 'typeorm';
import type { Investigation } from './complaint-recurrence.rules';

export class ComplaintCauseRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Investigations recorded in (start, end]. */
  async investigations(start: Date, end: Date): Promise<Investigation[]> {
    const rows: { ticket_id: string; root_cause: string; investigated_at: Date }[] = await this.manager.query(
      `select ticket_id, root_cause, investigated_at from complaint_details
        where investigated_at > $1 and investigated_at <= $2`,
      [start, end],
    );
    return rows.map((row) => ({ ticketId: row.ticket_id, rootCause: row.root_cause, investigatedAt: row.investigated_at }));
  }

  async lastReported(causeKey: string): Promise<Date | null> {
    const rows: { reported_at: Date }[] = await this.manager.query(
      'select reported_at from complaint_cause_reports where cause_key = $1',
      [causeKey],
    );
    return rows[0]?.reported_at ?? null;
  }

  /**
   * Records the report at `now` unless one was recorded after `windowStart`; false when another transaction got there
   * first (the row lock makes the second wait and then find the fresh report).
   */
  async claimReport(causeKey: string, now: Date, windowStart: Date): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `insert into complaint_cause_reports (cause_key, reported_at) values ($1, $2)
       on conflict (cause_key) do update set reported_at = excluded.reported_at
         where complaint_cause_reports.reported_at <= $3
       returning cause_key`,
      [causeKey, now, windowStart],
    );
    return rows.length > 0;
  }
}
