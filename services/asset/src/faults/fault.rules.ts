// Fault reports and repairs (docs/product.md §4.1), pure: times may be given for a historical import (never in the
// future, repaired not before reported); the asset's status follows an open fault — FAULTY when reported, back
// IN_USE when repaired and no other fault of it is open.
import { BadUserInputError } from '@opsgraph/domain';
import type { AssetStatusValue } from '../assets/asset-status.rules';
import { canMove } from '../assets/asset-status.rules';

export function pastInstant(value: Date | null | undefined, now: Date, field: string): Date {
  if (value === null || value === undefined) return now;
  if (Number.isNaN(value.getTime()) || value.getTime() > now.getTime()) {
    throw new BadUserInputError(`${field.split('.').pop()} must not be in the future`, field);
  }
  return value;
}

export function checkRepairedAfter(reportedAt: Date, repairedAt: Date, field: string): void {
  if (repairedAt.getTime() < reportedAt.getTime()) {
    throw new BadUserInputError(`${field.split('.').pop()} must not be before the fault was reported`, field);
  }
}

/** The status an open fault puts the asset in, or null to leave it (in stock, retired, already faulty). */
export function statusOnFault(current: AssetStatusValue): AssetStatusValue | null {
  return current !== 'FAULTY' && canMove(current, 'FAULTY') ? 'FAULTY' : null;
}

/** The status after the last open fault is repaired, or null to leave it. */
export function statusOnRepair(current: AssetStatusValue, otherOpenFaults: number): AssetStatusValue | null {
  if (otherOpenFaults > 0) return null;
  return current === 'FAULTY' || current === 'UNDER_MAINTENANCE' ? 'IN_USE' : null;
}
