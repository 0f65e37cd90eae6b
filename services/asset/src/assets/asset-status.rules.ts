// The asset's status machine (docs/product.md §4.1): IN_STOCK → IN_USE ⇄ UNDER_MAINTENANCE ⇄ FAULTY → RETIRED, plus
// the moves people make every day: a fault while in use, a repair straight back into use, returning to stock, and
// retiring from any status but RETIRED. Pure; every pair is unit-tested.
import { InvalidTransitionError } from '@opsgraph/domain';

export const ASSET_STATUS_VALUES = ['IN_STOCK', 'IN_USE', 'UNDER_MAINTENANCE', 'FAULTY', 'RETIRED'] as const;
export type AssetStatusValue = (typeof ASSET_STATUS_VALUES)[number];

const NEXT: Readonly<Record<AssetStatusValue, readonly AssetStatusValue[]>> = {
  IN_STOCK: ['IN_USE', 'RETIRED'],
  IN_USE: ['IN_STOCK', 'UNDER_MAINTENANCE', 'FAULTY', 'RETIRED'],
  UNDER_MAINTENANCE: ['IN_USE', 'FAULTY', 'RETIRED'],
  FAULTY: ['UNDER_MAINTENANCE', 'IN_USE', 'RETIRED'],
  RETIRED: [],
};

export function canMove(from: AssetStatusValue, to: AssetStatusValue): boolean {
  return NEXT[from].includes(to);
}

/** The statuses `from` may move to. */
export function nextStatuses(from: AssetStatusValue): readonly AssetStatusValue[] {
  return NEXT[from];
}

/** @throws InvalidTransitionError naming the current status when the move is not allowed. */
export function requireMove(from: AssetStatusValue, to: AssetStatusValue): void {
  if (!canMove(from, to)) {
    throw new InvalidTransitionError(`An asset ${from} cannot become ${to}`, from);
  }
}
