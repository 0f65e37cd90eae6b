// Awards (docs/product.md §HR-2): 「設立多種激勵獎項，如優秀員工獎、創新獎、團隊協作獎等」 (P2 §四(二)1). Pure.
import { AWARD_KINDS, AWARD_STATUSES } from '@opsgraph/contracts-events';

export { AWARD_KINDS, AWARD_STATUSES };
export type AwardKind = (typeof AWARD_KINDS)[number];

export type AwardStatus = (typeof AWARD_STATUSES)[number];

/** A nomination is decided once: approved or rejected. */
export function canDecideAward(status: AwardStatus): boolean {
  return status === 'NOMINATED';
}

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$/;

/** The period an award is for: a year, a quarter or a month (`2025`, `2025-Q2`, `2025-03`). */
export function isAwardPeriod(text: string): boolean {
  return PERIOD.test(text);
}
