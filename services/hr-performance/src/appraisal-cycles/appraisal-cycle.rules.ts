// Appraisal cycles: their periods and calendars (docs/product.md §HR-2). Pure.
//
// 「績效考核周期為月度考核與年度考核相結合」(001 §七(二)1), 「考核周期可根據實際情況設定為月度、季度或年度」
// (002 §四(一)2): a MONTHLY cycle is reviewed and scored; QUARTERLY and ANNUAL ones are derived from the monthly
// results of their months.
import { APPRAISAL_CYCLE_KINDS } from '@opsgraph/contracts-events';
import type { FieldViolation } from '@opsgraph/domain';

export const CYCLE_KINDS = APPRAISAL_CYCLE_KINDS;
export type CycleKind = (typeof CYCLE_KINDS)[number];

const PATTERNS: Readonly<Record<CycleKind, RegExp>> = {
  MONTHLY: /^(\d{4})-(0[1-9]|1[0-2])$/,
  QUARTERLY: /^(\d{4})-Q([1-4])$/,
  ANNUAL: /^(\d{4})$/,
};

const EXAMPLES: Readonly<Record<CycleKind, string>> = {
  MONTHLY: 'YYYY-MM',
  QUARTERLY: 'YYYY-Qn',
  ANNUAL: 'YYYY',
};

/** The calendar months (`YYYY-MM`) of a period, or null when `period` is not one of `kind`. */
export function monthsOfPeriod(kind: CycleKind, period: string): string[] | null {
  const match = PATTERNS[kind].exec(period);
  if (!match) return null;
  const year = match[1];
  const month = (n: number) => `${year}-${String(n).padStart(2, '0')}`;
  if (kind === 'MONTHLY') return [period];
  if (kind === 'QUARTERLY') {
    const first = (Number(match[2]) - 1) * 3 + 1;
    return [month(first), month(first + 1), month(first + 2)];
  }
  return Array.from({ length: 12 }, (_, index) => month(index + 1));
}

/** The kind a period string is written in, or null. */
export function kindOfPeriod(period: string): CycleKind | null {
  return CYCLE_KINDS.find((kind) => PATTERNS[kind].test(period)) ?? null;
}

export interface CycleCalendar {
  /** `YYYY-MM-DD` each. */
  readonly selfReviewDue: string;
  readonly managerReviewDue: string;
  readonly calibrationDue: string;
  readonly publicationDate: string;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const STEPS: readonly (keyof CycleCalendar)[] = [
  'selfReviewDue',
  'managerReviewDue',
  'calibrationDue',
  'publicationDate',
];

/** A period of its kind, and a calendar whose dates are in order and not before the period's first day. */
export function validateCycle(
  kind: CycleKind,
  period: string,
  calendar: CycleCalendar,
  prefix = 'input',
): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const months = monthsOfPeriod(kind, period);
  if (months === null) {
    violations.push({ field: `${prefix}.period`, message: `a ${kind} period is written ${EXAMPLES[kind]}` });
  }
  STEPS.forEach((step, index) => {
    const value = calendar[step];
    if (!DATE.test(value)) {
      violations.push({ field: `${prefix}.calendar.${step}`, message: 'expected a date YYYY-MM-DD' });
      return;
    }
    const previous = index > 0 ? calendar[STEPS[index - 1]] : null;
    if (previous !== null && DATE.test(previous) && value < previous) {
      violations.push({
        field: `${prefix}.calendar.${step}`,
        message: `${step} cannot be before ${STEPS[index - 1]}`,
      });
    }
    if (months !== null && value < `${months[0]}-01`) {
      violations.push({
        field: `${prefix}.calendar.${step}`,
        message: `${step} cannot be before the period starts (${months[0]}-01)`,
      });
    }
  });
  return violations;
}
