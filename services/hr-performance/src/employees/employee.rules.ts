// Employee rules: positions from 001 §二, status ACTIVE / ON_LEAVE / LEFT, the manager chain.
import { readableNumber } from '@opsgraph/domain';
// Pure: no I/O, no clock reads.
import { EMPLOYEE_POSITIONS, type EmployeePosition, type EmployeeStatus } from '@opsgraph/contracts-events';
import { chainAbove, wouldCloseCycle, type UpwardLinks } from '../tree-links';

export function isEmployeePosition(value: string): value is EmployeePosition {
  return (EMPLOYEE_POSITIONS as readonly string[]).includes(value);
}

/** LEFT is final; ACTIVE ⇄ ON_LEAVE; leaving is recorded with its own use-case (it emits employee.left). */
const TRANSITIONS: Record<EmployeeStatus, readonly EmployeeStatus[]> = {
  ACTIVE: ['ON_LEAVE', 'LEFT'],
  ON_LEAVE: ['ACTIVE', 'LEFT'],
  LEFT: [],
};

export function canChangeStatus(from: EmployeeStatus, to: EmployeeStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Whether the employee is still part of the organisation (may be transferred, changed, made to leave). */
export function isEmployed(status: EmployeeStatus): boolean {
  return status !== 'LEFT';
}

/** id → line manager id. */
export type ManagerLinks = UpwardLinks;

/** Line managers of `id`, nearest first (not including `id`); stops on a (corrupt) cycle. */
export const managerChainOf = chainAbove;

/** Making `managerId` the manager of `id` is a cycle when it is `id` or someone `id` (indirectly) manages. */
export const wouldCreateManagerCycle = wouldCloseCycle;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date `YYYY-MM-DD` (2024-02-30 is not). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Readable employee numbers: EMP- and a sequence value, zero-padded to at least 6 digits. */
export const formatEmployeeNumber = readableNumber('EMP', 'employee').format;

/** Numbers HR may give explicitly (e.g. when importing staff): letters, digits and `-`, 2–32 characters. */
export const EMPLOYEE_NUMBER = /^[A-Z0-9][A-Z0-9-]{1,31}$/;
