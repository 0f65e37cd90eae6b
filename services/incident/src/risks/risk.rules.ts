// The risk register's rules (docs/product.md §5 "Risk register"): scoring, levels, review due days, and what the
// incidents of a category say about the assessed likelihood. Pure, unit-tested.
import type { RiskCategory, RiskLevel } from '@opsgraph/contracts-events';
import { BadUserInputError } from '@opsgraph/domain';

export interface RiskRecord {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly category: RiskCategory;
  readonly likelihood: number;
  readonly impact: number;
  readonly ownerId: string | null;
  readonly mitigation: string;
  readonly residualScore: number | null;
  /** YYYY-MM-DD. */
  readonly nextReviewOn: string;
  readonly lastReviewedAt: Date | null;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** How far back incidents count towards the observed likelihood. */
export const OBSERVATION_DAYS = 365;

export function riskScore(likelihood: number, impact: number): number {
  return likelihood * impact;
}

export function riskLevel(score: number): RiskLevel {
  if (score >= 17) return 'CRITICAL';
  if (score >= 10) return 'HIGH';
  if (score >= 5) return 'MEDIUM';
  return 'LOW';
}

/** A risk as assessed: ratings 1–5, a residual score no higher than the score. */
export function checkAssessment(risk: Pick<RiskRecord, 'likelihood' | 'impact' | 'residualScore'>): void {
  for (const field of ['likelihood', 'impact'] as const) {
    const value = risk[field];
    if (!Number.isInteger(value) || value < 1 || value > 5) {
      throw new BadUserInputError(`${field} must be 1 to 5`, `input.${field}`);
    }
  }
  const score = riskScore(risk.likelihood, risk.impact);
  if (risk.residualScore !== null && (risk.residualScore < 1 || risk.residualScore > score)) {
    throw new BadUserInputError(
      `The residual score must be 1 to the risk's score (${score}): mitigation does not make a risk worse`,
      'input.residualScore',
    );
  }
}

export function isReviewOverdue(risk: Pick<RiskRecord, 'nextReviewOn'>, today: string): boolean {
  return risk.nextReviewOn < today;
}

/** The likelihood the incidents of the last OBSERVATION_DAYS imply: none → 1 … monthly or more → 5. */
export function observedLikelihood(incidentsInWindow: number): number {
  if (incidentsInWindow >= 12) return 5;
  if (incidentsInWindow >= 4) return 4;
  if (incidentsInWindow >= 2) return 3;
  if (incidentsInWindow >= 1) return 2;
  return 1;
}

export interface LikelihoodSuggestion {
  readonly likelihood: number;
  readonly direction: 'RAISE' | 'LOWER';
  readonly reason: string;
}

/**
 * Raise when reality is worse than assessed; lower only when it is at least two steps better (a quiet year says
 * little about a rare disaster). Null when they agree closely enough.
 */
export function likelihoodSuggestion(
  assessed: number,
  incidentsInWindow: number,
): LikelihoodSuggestion | null {
  const observed = observedLikelihood(incidentsInWindow);
  const counted = `${incidentsInWindow} incident${incidentsInWindow === 1 ? '' : 's'} in the last ${OBSERVATION_DAYS} days`;
  if (observed > assessed) {
    return {
      likelihood: observed,
      direction: 'RAISE',
      reason: `${counted} suggest likelihood ${observed}, not ${assessed}`,
    };
  }
  if (assessed - observed >= 2) {
    return {
      likelihood: observed + 1,
      direction: 'LOWER',
      reason: `Only ${counted}: likelihood ${assessed} may be too high`,
    };
  }
  return null;
}
