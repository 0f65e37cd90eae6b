// From the KPI figures, the customers' surveys and the reviews to one weighted total (docs/product.md §HR-2). Pure.
//
// Every dimension is scored 0–100:
// - SERVICE_QUALITY from the tickets: resolution rate and complaints against the employee (the KPI score's half);
// - EFFICIENCY from the tickets: the share resolved within SLA (the KPI score's other half);
// - CUSTOMER_SATISFACTION is the customer as a rater: their survey scores (1–5) on the employee's tickets;
// - TEAMWORK, ATTITUDE and ABILITY (工作能力, 002 §四(一)1) from the reviews: self, manager and peers, 1–5 each.
// The position's KPI weights (which sum to 100) weigh the first five; ABILITY takes `abilityWeight` percent of the
// total and the five share the rest. A dimension with nothing to measure is left out and the others reweighted.
import type { KpiDimension, KpiWeights } from '../kpi-definitions/kpi-definition.rules';
import { round2 } from './grading.rules';

export const REVIEWED_DIMENSIONS = ['ABILITY', 'TEAMWORK', 'ATTITUDE'] as const;
export type ReviewedDimension = (typeof REVIEWED_DIMENSIONS)[number];
export type ReviewScores = Readonly<Record<ReviewedDimension, number>>;

export const REVIEW_SCALE = { min: 1, max: 5 } as const;

/** How much each rater counts in a reviewed dimension (上級評價 weighs most; renormalised over raters present). */
export const RATER_WEIGHTS = { self: 20, manager: 50, peers: 30 } as const;

export const DEFAULT_ABILITY_WEIGHT = 20;

/** The period's ticket figures the data-driven dimensions need (from the KPI read model). */
export interface PeriodFigures {
  readonly ticketsHandled: number;
  readonly resolutionRate: number | null;
  readonly resolvedWithinSlaShare: number | null;
  readonly complaintsAgainst: number;
  readonly surveyCount: number;
  readonly averageSatisfaction: number | null;
}

/** Each complaint held against the employee costs this many points of service quality's complaint part. */
export const COMPLAINT_PENALTY = 25;

const fromScale = (score: number): number =>
  ((score - REVIEW_SCALE.min) / (REVIEW_SCALE.max - REVIEW_SCALE.min)) * 100;

function weightedMean(parts: readonly { value: number | null; weight: number }[]): number | null {
  const present = parts.filter((part) => part.value !== null && part.weight > 0);
  const weight = present.reduce((sum, part) => sum + part.weight, 0);
  if (weight === 0) return null;
  return present.reduce((sum, part) => sum + (part.value as number) * part.weight, 0) / weight;
}

/** Service quality: resolution rate and the complaint part; null when the employee handled nothing. */
export function serviceQualityScore(figures: PeriodFigures): number | null {
  const measured = figures.ticketsHandled > 0 || figures.complaintsAgainst > 0;
  if (!measured) return null;
  const complaints = Math.max(0, 100 - COMPLAINT_PENALTY * figures.complaintsAgainst);
  return weightedMean([
    { value: figures.resolutionRate === null ? null : figures.resolutionRate * 100, weight: 1 },
    { value: complaints, weight: 1 },
  ]);
}

export function efficiencyScore(figures: PeriodFigures): number | null {
  return figures.resolvedWithinSlaShare === null ? null : figures.resolvedWithinSlaShare * 100;
}

/** The customer as a rater: the average survey score of the period, 1–5 → 0–100; null without surveys. */
export function customerScore(figures: PeriodFigures): number | null {
  if (figures.surveyCount === 0 || figures.averageSatisfaction === null) return null;
  return round2(fromScale(figures.averageSatisfaction));
}

/** The data-driven KPI score: quality and efficiency weighted as the position weighs them. */
export function kpiScore(figures: PeriodFigures, weights: KpiWeights): number | null {
  const score = weightedMean([
    { value: serviceQualityScore(figures), weight: weights.SERVICE_QUALITY },
    { value: efficiencyScore(figures), weight: weights.EFFICIENCY },
  ]);
  return score === null ? null : round2(score);
}

export interface Reviews {
  readonly self: ReviewScores | null;
  readonly manager: ReviewScores | null;
  readonly peers: readonly ReviewScores[];
}

/** The peers' average per dimension (what the reviewee sees: never one peer's scores); null without peers. */
export function peerAverage(peers: readonly ReviewScores[]): ReviewScores | null {
  if (peers.length === 0) return null;
  const mean = (dimension: ReviewedDimension) =>
    peers.reduce((sum, scores) => sum + scores[dimension], 0) / peers.length;
  return { ABILITY: mean('ABILITY'), TEAMWORK: mean('TEAMWORK'), ATTITUDE: mean('ATTITUDE') };
}

/** One reviewed dimension, 0–100, from the raters present. */
export function reviewedScore(reviews: Reviews, dimension: ReviewedDimension): number | null {
  const peers = peerAverage(reviews.peers);
  const mean = weightedMean([
    { value: reviews.self && reviews.self[dimension], weight: RATER_WEIGHTS.self },
    { value: reviews.manager && reviews.manager[dimension], weight: RATER_WEIGHTS.manager },
    { value: peers && peers[dimension], weight: RATER_WEIGHTS.peers },
  ]);
  return mean === null ? null : fromScale(mean);
}

export type ScoredDimension = KpiDimension | 'ABILITY';

export interface Scorecard {
  readonly kpiScore: number | null;
  readonly customerScore: number | null;
  readonly dimensions: Readonly<Record<ScoredDimension, number | null>>;
  /** 0–100, two decimals; null when nothing at all could be measured. */
  readonly total: number | null;
}

export function scorecard(
  figures: PeriodFigures,
  reviews: Reviews,
  weights: KpiWeights,
  abilityWeight: number,
): Scorecard {
  const dimensions: Record<ScoredDimension, number | null> = {
    SERVICE_QUALITY: serviceQualityScore(figures),
    EFFICIENCY: efficiencyScore(figures),
    CUSTOMER_SATISFACTION: customerScore(figures),
    TEAMWORK: reviewedScore(reviews, 'TEAMWORK'),
    ATTITUDE: reviewedScore(reviews, 'ATTITUDE'),
    ABILITY: reviewedScore(reviews, 'ABILITY'),
  };
  const share = (100 - abilityWeight) / 100;
  const total = weightedMean([
    ...(Object.keys(weights) as KpiDimension[]).map((dimension) => ({
      value: dimensions[dimension],
      weight: weights[dimension] * share,
    })),
    { value: dimensions.ABILITY, weight: abilityWeight },
  ]);
  const rounded = (value: number | null) => (value === null ? null : round2(value));
  return {
    kpiScore: kpiScore(figures, weights),
    customerScore: customerScore(figures),
    dimensions: Object.fromEntries(
      Object.entries(dimensions).map(([dimension, value]) => [dimension, rounded(value)]),
    ) as Record<ScoredDimension, number | null>,
    total: rounded(total),
  };
}

/**
 * A quarterly or annual result from the published monthly ones (003 §四(二): 「年度考核結果以各月度考核結果為基礎
 * 綜合評定」): the mean of the monthly totals; months without a result are listed, not counted as zero.
 */
export function deriveFromMonthly(
  months: readonly string[],
  monthly: ReadonlyMap<string, number>,
): { total: number | null; monthsCounted: number; missingMonths: string[] } {
  const counted = months.filter((month) => monthly.has(month));
  const total =
    counted.length === 0
      ? null
      : round2(counted.reduce((sum, month) => sum + (monthly.get(month) as number), 0) / counted.length);
  return {
    total,
    monthsCounted: counted.length,
    missingMonths: months.filter((month) => !monthly.has(month)),
  };
}
