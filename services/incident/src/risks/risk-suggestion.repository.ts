// Risk suggestions from recurring complaint causes: a read model kept from the ticket topic's
// `ticket.complaint_cause_recurring` (one row per cause, kept current as the cause recurs).
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  causeKey,
  type ComplaintCauseRecurring,
  type ComplaintRiskSuggestion,
} from './complaint-cause.rules';

export interface RiskSuggestionRecord {
  readonly id: string;
  readonly rootCause: string;
  readonly complaintCategory: string | null;
  readonly complaintCount: number;
  readonly windowDays: number;
  readonly ticketIds: string[];
  readonly action: 'REGISTER' | 'REASSESS';
  readonly riskId: string | null;
  readonly suggestedLikelihood: number;
  readonly reason: string;
  readonly updatedAt: Date;
}

const COLUMNS = `id, root_cause as "rootCause", complaint_category as "complaintCategory",
  complaint_count as "complaintCount", window_days as "windowDays", ticket_ids as "ticketIds", action,
  risk_id as "riskId", suggested_likelihood as "suggestedLikelihood", reason, updated_at as "updatedAt"`;

export class RiskSuggestionRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The complaint-escalation risks the suggestion weighs. */
  complaintRisks(): Promise<{ id: string; category: 'COMPLAINT_ESCALATION'; likelihood: number }[]> {
    return this.manager.query(
      `select id, category, likelihood from risks where category = 'COMPLAINT_ESCALATION' order by id`,
    );
  }

  /** The cause's suggestion, replaced by the latest figures; null removes it (the register expects as much). */
  async put(
    cause: ComplaintCauseRecurring,
    suggestion: ComplaintRiskSuggestion | null,
    now: Date,
  ): Promise<void> {
    const key = causeKey(cause.rootCause);
    if (suggestion === null) {
      await this.manager.query('delete from risk_suggestions where cause_key = $1', [key]);
      return;
    }
    await this.manager.query(
      `insert into risk_suggestions (id, cause_key, root_cause, complaint_category, complaint_count, window_days,
         ticket_ids, action, risk_id, suggested_likelihood, reason, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
       on conflict (cause_key) do update set root_cause = excluded.root_cause,
         complaint_category = excluded.complaint_category, complaint_count = excluded.complaint_count,
         window_days = excluded.window_days, ticket_ids = excluded.ticket_ids, action = excluded.action,
         risk_id = excluded.risk_id, suggested_likelihood = excluded.suggested_likelihood, reason = excluded.reason,
         updated_at = excluded.updated_at`,
      [
        randomUUID(),
        key,
        cause.rootCause.trim(),
        cause.category,
        cause.count,
        cause.windowDays,
        cause.ticketIds,
        suggestion.action,
        suggestion.riskId,
        suggestion.likelihood,
        suggestion.reason,
        now,
      ],
    );
  }

  list(): Promise<RiskSuggestionRecord[]> {
    return this.manager.query(`select ${COLUMNS} from risk_suggestions order by updated_at desc, id`);
  }
}
