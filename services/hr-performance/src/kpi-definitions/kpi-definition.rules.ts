// KPI dimensions and their weights per position. Pure.
//
// The dimensions are the seeds': 000 §四(二)1 服務質量、工作效率、客戶滿意度、團隊協作 and 001 §七(一) 工作態度.
// The seeds name no numbers, so the default weights are ours (see README): customer-facing positions weigh
// satisfaction most, technical and analytical ones quality and efficiency, managers teamwork.
import type { EmployeePosition } from '@opsgraph/contracts-events';
import type { FieldViolation } from '@opsgraph/domain';

export const KPI_DIMENSIONS = [
  'SERVICE_QUALITY',
  'EFFICIENCY',
  'CUSTOMER_SATISFACTION',
  'TEAMWORK',
  'ATTITUDE',
] as const;
export type KpiDimension = (typeof KPI_DIMENSIONS)[number];

export const KPI_DIMENSION_DESCRIPTIONS: Record<KpiDimension, string> = {
  SERVICE_QUALITY:
    '服務質量 — service quality; measured from tickets by the resolution rate and complaints against the employee.',
  EFFICIENCY:
    '工作效率 — efficiency; measured from tickets by first-response time and the share resolved within SLA.',
  CUSTOMER_SATISFACTION:
    '客戶滿意度 — customer satisfaction; measured from tickets by the average survey score.',
  TEAMWORK: '團隊協作 — teamwork; assessed in reviews (supervisor and peers).',
  ATTITUDE: '工作態度 — attitude (diligence, responsibility); assessed in reviews.',
};

export const WEIGHT_TOTAL = 100;

export type KpiWeights = Record<KpiDimension, number>;

const weights = (
  serviceQuality: number,
  efficiency: number,
  customerSatisfaction: number,
  teamwork: number,
  attitude: number,
): KpiWeights => ({
  SERVICE_QUALITY: serviceQuality,
  EFFICIENCY: efficiency,
  CUSTOMER_SATISFACTION: customerSatisfaction,
  TEAMWORK: teamwork,
  ATTITUDE: attitude,
});

/** Seeded by migration 1760000000001-CreateKpiDefinitions; every row sums to 100 (unit-tested). */
export const DEFAULT_KPI_WEIGHTS: Record<EmployeePosition, KpiWeights> = {
  OPS_DIRECTOR: weights(25, 20, 20, 20, 15),
  OPS_MANAGER: weights(25, 20, 20, 20, 15),
  CONTENT_EDITOR: weights(35, 25, 10, 15, 15),
  CAMPAIGN_SPECIALIST: weights(30, 25, 15, 15, 15),
  PROMOTION_SPECIALIST: weights(30, 25, 15, 15, 15),
  CS_SPECIALIST: weights(25, 20, 35, 10, 10),
  TECHNICIAN: weights(35, 30, 15, 10, 10),
  DATA_ANALYST: weights(35, 25, 10, 15, 15),
  PROJECT_MANAGER: weights(25, 25, 15, 25, 10),
};

export interface WeightInput {
  dimension: string;
  weight: number;
}

/**
 * A full set of weights: every dimension exactly once, integers 0–100, summing to 100. Violations name the
 * input path (`<prefix>.<index>.weight`, or `<prefix>` for the set as a whole).
 */
export function validateWeights(
  input: readonly WeightInput[],
  prefix = 'input.weights',
): { ok: true; weights: KpiWeights } | { ok: false; violations: FieldViolation[] } {
  const violations: FieldViolation[] = [];
  const seen = new Map<string, number>();
  input.forEach(({ dimension, weight }, index) => {
    if (!(KPI_DIMENSIONS as readonly string[]).includes(dimension)) {
      violations.push({
        field: `${prefix}.${index}.dimension`,
        message: `unknown KPI dimension ${dimension}`,
      });
    } else if (seen.has(dimension)) {
      violations.push({ field: `${prefix}.${index}.dimension`, message: `${dimension} is given twice` });
    }
    seen.set(dimension, weight);
    if (!Number.isInteger(weight) || weight < 0 || weight > WEIGHT_TOTAL) {
      violations.push({
        field: `${prefix}.${index}.weight`,
        message: 'a weight is a whole number from 0 to 100',
      });
    }
  });
  const missing = KPI_DIMENSIONS.filter((dimension) => !seen.has(dimension));
  if (missing.length > 0)
    violations.push({ field: prefix, message: `missing dimensions: ${missing.join(', ')}` });
  if (violations.length > 0) return { ok: false, violations };
  const total = input.reduce((sum, { weight }) => sum + weight, 0);
  if (total !== WEIGHT_TOTAL) {
    return {
      ok: false,
      violations: [{ field: prefix, message: `weights must sum to ${WEIGHT_TOTAL}, got ${total}` }],
    };
  }
  return { ok: true, weights: Object.fromEntries(input.map((w) => [w.dimension, w.weight])) as KpiWeights };
}
