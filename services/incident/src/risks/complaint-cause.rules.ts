// Complaints feed risks (docs/product.md §5 "Complaints feed risks"): a complaint root cause that keeps recurring
// suggests registering a complaint-escalation risk, or raising the likelihood of the one registered. Pure.
import type { RiskCategory } from '@opsgraph/contracts-events';
import { observedLikelihood } from './risk.rules';

/** The data of `ticket.complaint_cause_recurring` this rule needs (rules import no contracts). */
export interface ComplaintCauseRecurring {
  readonly rootCause: string;
  readonly category: string | null;
  readonly count: number;
  readonly windowDays: number;
  readonly ticketIds: readonly string[];
}

export const COMPLAINT_RISK: RiskCategory = 'COMPLAINT_ESCALATION';

export interface ComplaintRiskSuggestion {
  readonly action: 'REGISTER' | 'REASSESS';
  readonly riskId: string | null;
  readonly likelihood: number;
  readonly reason: string;
}

/** The same cause whatever its case and spacing. */
export const causeKey = (rootCause: string): string => rootCause.trim().replace(/\s+/g, ' ').toLowerCase();

/** Complaints of the window as a yearly rate, read as a likelihood the way incidents are. */
export function complaintLikelihood(cause: Pick<ComplaintCauseRecurring, 'count' | 'windowDays'>): number {
  return observedLikelihood(Math.floor((cause.count * 365) / Math.max(1, cause.windowDays)));
}

/**
 * REGISTER when no complaint-escalation risk exists; REASSESS the most likely one when the complaints say it is
 * likelier still; null when the register already expects it.
 */
export function complaintRiskSuggestion(
  cause: ComplaintCauseRecurring,
  risks: readonly { id: string; category: RiskCategory; likelihood: number }[],
): ComplaintRiskSuggestion | null {
  const likelihood = complaintLikelihood(cause);
  const said = `"${cause.rootCause.trim().replace(/\s+/g, ' ')}" caused ${cause.count} complaints in ${cause.windowDays} days`;
  const registered = risks
    .filter((risk) => risk.category === COMPLAINT_RISK)
    .sort((a, b) => b.likelihood - a.likelihood)[0];
  if (!registered) {
    return {
      action: 'REGISTER',
      riskId: null,
      likelihood,
      reason: `${said}: register a complaint-escalation risk`,
    };
  }
  if (likelihood <= registered.likelihood) return null;
  return {
    action: 'REASSESS',
    riskId: registered.id,
    likelihood,
    reason: `${said}: likelihood ${likelihood}, not ${registered.likelihood}`,
  };
}
