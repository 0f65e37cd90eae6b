// Grades, bonus coefficients and deductions (docs/product.md §HR-2). Pure.
//
// 「月度考核結果與員工當月績效獎金掛鉤，對表現優秀的員工給予獎勵，對不達標的員工進行相應的績效扣罰」(003 §四(四)1):
// a grade sets the bonus coefficient; C and D also carry a deduction.
import { APPRAISAL_GRADES } from '@opsgraph/contracts-events';
import type { FieldViolation } from '@opsgraph/domain';

export const GRADES = APPRAISAL_GRADES;
export type Grade = (typeof GRADES)[number];

export const GRADING_MODES = ['THRESHOLDS', 'FORCED_DISTRIBUTION'] as const;
export type GradingMode = (typeof GRADING_MODES)[number];

/** Minimum total (0–100) for S, A, B and C; anything below C's is a D. */
export type GradeThresholds = Readonly<Record<Exclude<Grade, 'D'>, number>>;
/** Share of the department (percent, summing to 100) that gets each grade. */
export type GradeShares = Readonly<Record<Grade, number>>;

export interface GradingPolicy {
  readonly mode: GradingMode;
  readonly thresholds: GradeThresholds;
  readonly shares: GradeShares;
}

export const DEFAULT_THRESHOLDS: GradeThresholds = { S: 90, A: 80, B: 70, C: 60 };
export const DEFAULT_SHARES: GradeShares = { S: 10, A: 20, B: 40, C: 20, D: 10 };

export function validateGradingPolicy(policy: GradingPolicy, prefix = 'input.grading'): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const { S, A, B, C } = policy.thresholds;
  const thresholds = [S, A, B, C];
  if (thresholds.some((value) => !Number.isFinite(value) || value < 0 || value > 100)) {
    violations.push({ field: `${prefix}.thresholds`, message: 'thresholds are between 0 and 100' });
  } else if (!(S > A && A > B && B > C)) {
    violations.push({ field: `${prefix}.thresholds`, message: 'thresholds must fall strictly from S to C' });
  }
  const shares = GRADES.map((grade) => policy.shares[grade]);
  if (shares.some((value) => !Number.isInteger(value) || value < 0 || value > 100)) {
    violations.push({ field: `${prefix}.shares`, message: 'shares are whole percentages from 0 to 100' });
  } else if (shares.reduce((sum, value) => sum + value, 0) !== 100) {
    violations.push({ field: `${prefix}.shares`, message: 'shares must sum to 100' });
  }
  return violations;
}

export function gradeByThresholds(total: number, thresholds: GradeThresholds): Grade {
  if (total >= thresholds.S) return 'S';
  if (total >= thresholds.A) return 'A';
  if (total >= thresholds.B) return 'B';
  if (total >= thresholds.C) return 'C';
  return 'D';
}

export interface Ranked {
  readonly id: string;
  readonly total: number;
  /** Orders equal totals in the list (e.g. the employee number); never decides a grade. */
  readonly tieBreak: string;
}

/**
 * Forced distribution over one department: ranked by total (highest first), the first ⌊n·S%⌉ get S, the next
 * ⌊n·A%⌉ A, and so on (cumulative rounding, half up, so the quotas add up to n). Ties never split: an employee
 * whose total equals the one ranked just above them gets the same grade, so equal work is never graded apart by
 * an arbitrary key — the better grade's quota may overflow by the tied employees, and the overflow comes out of the
 * next grades' quotas (every rank keeps the grade slot its position gives it, or the better one of a tie).
 */
export function gradeByDistribution(entries: readonly Ranked[], shares: GradeShares): Map<string, Grade> {
  const sorted = [...entries].sort(
    (a, b) => b.total - a.total || (a.tieBreak < b.tieBreak ? -1 : a.tieBreak > b.tieBreak ? 1 : 0),
  );
  const n = sorted.length;
  let cumulative = 0;
  const cutoffs = GRADES.map((grade) => {
    cumulative += shares[grade];
    return Math.floor((n * cumulative) / 100 + 0.5);
  });
  const grades = new Map<string, Grade>();
  let previous: { total: number; grade: Grade } | null = null;
  sorted.forEach((entry, index) => {
    let grade: Grade;
    if (previous !== null && previous.total === entry.total) grade = previous.grade;
    else {
      const slot = cutoffs.findIndex((cutoff) => index < cutoff);
      grade = GRADES[slot === -1 ? GRADES.length - 1 : slot];
      // a tie may have pushed this employee past their slot's start; never give a better grade than the one above
      if (previous !== null && GRADES.indexOf(grade) < GRADES.indexOf(previous.grade)) grade = previous.grade;
    }
    grades.set(entry.id, grade);
    previous = { total: entry.total, grade };
  });
  return grades;
}

export interface BonusTerms {
  readonly coefficient: number;
  /** Share of the bonus base withheld as 績效扣罰. */
  readonly deductionRate: number;
}

/** Bonus coefficient per grade; C and D are not-up-to-standard and carry a deduction instead of a premium. */
export const BONUS_TERMS: Readonly<Record<Grade, BonusTerms>> = {
  S: { coefficient: 1.5, deductionRate: 0 },
  A: { coefficient: 1.2, deductionRate: 0 },
  B: { coefficient: 1.0, deductionRate: 0 },
  C: { coefficient: 1.0, deductionRate: 0.2 },
  D: { coefficient: 1.0, deductionRate: 0.5 },
};

/** The month's performance bonus for `base` (the position's bonus base), rounded to cents. */
export function performanceBonus(grade: Grade, base: number): { bonus: number; deduction: number } {
  const { coefficient, deductionRate } = BONUS_TERMS[grade];
  const deduction = round2(base * deductionRate);
  return { bonus: round2(base * coefficient - deduction), deduction };
}

export const round2 = (value: number): number => Math.round(value * 100) / 100;
