// Who may read an employment history: the employee themself, and the roles the permission table names.
import type { KnownCaller } from '@opsgraph/domain';
import { permissions } from '../permissions';

export function canReadEmploymentHistory(caller: KnownCaller, employeeId: string): boolean {
  return permissions.can(caller, 'READ_ANY_EMPLOYMENT_HISTORY') || caller.employeeId === employeeId;
}
