// KPI targets and attainment (docs/product.md §KPI "Targets"), e.g. CSAT ≥ 4.5 for a department. Pure.
import { BadUserInputError } from '@opsgraph/domain';
import type { Dimension, KpiFigures } from '../engine/cell.rules';

/** The figures a target can be set on, by their name in KpiReport. */
export const TARGET_KPIS = [
  'csatAverage',
  'resolutionRate',
  'complaintRate',
  'reopenRate',
  'slaBreachRate',
  'firstResponseAverageSeconds',
  'firstResponseP90Seconds',
  'resolutionAverageSeconds',
] as const satisfies readonly (keyof KpiFigures)[];
export type TargetKpi = (typeof TARGET_KPIS)[number];
export const TARGET_COMPARATORS = ['AT_LEAST', 'AT_MOST'] as const;
export type TargetComparator = (typeof TARGET_COMPARATORS)[number];

export interface KpiTarget {
  id: string;
  kpi: TargetKpi;
  dimensionKind: Dimension['kind'];
  dimensionValue: string;
  comparator: TargetComparator;
  target: number;
  version: number;
  updatedAt: Date;
}

export interface Attainment {
  kpi: TargetKpi;
  comparator: TargetComparator;
  target: number;
  actual: number | null;
  /** null when there is nothing to measure in the period. */
  attained: boolean | null;
}

export function checkTarget(target: number): number {
  if (!Number.isFinite(target) || target < 0) {
    throw new BadUserInputError('target must be a number ≥ 0', 'input.target');
  }
  return target;
}

export function attainment(
  target: Pick<KpiTarget, 'kpi' | 'comparator' | 'target'>,
  figures: KpiFigures,
): Attainment {
  const actual = figures[target.kpi];
  const attained =
    actual === null
      ? null
      : target.comparator === 'AT_LEAST'
        ? actual >= target.target
        : actual <= target.target;
  return { kpi: target.kpi, comparator: target.comparator, target: target.target, actual, attained };
}
