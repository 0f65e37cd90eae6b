// Who may read an employment history: the employee themself, and the roles the permission table names. And who
// counts as the employee themself or one of their managers for personal data (appraisals, training, awards).
import { Role, type KnownCaller } from '@opsgraph/domain';
import { permissions } from '../permissions';

export function canReadEmploymentHistory(caller: KnownCaller, employeeId: string): boolean {
  return permissions.can(caller, 'READ_ANY_EMPLOYMENT_HISTORY') || caller.employeeId === employeeId;
}

/**
 * The employee themself, or someone in their manager chain (line managers upwards, and the managers of their
 * department and its ancestor departments) — never a customer.
 */
export function isSelfOrManager(
  caller: KnownCaller,
  employeeId: string,
  managerChain: ReadonlySet<string>,
): boolean {
  if (!caller.employeeId || caller.role === Role.CUSTOMER) return false;
  return caller.employeeId === employeeId || managerChain.has(caller.employeeId);
}

/** Someone in the employee's manager chain (never a customer). */
export function isManagerOf(caller: KnownCaller, managerChain: ReadonlySet<string>): boolean {
  return !!caller.employeeId && caller.role !== Role.CUSTOMER && managerChain.has(caller.employeeId);
}
