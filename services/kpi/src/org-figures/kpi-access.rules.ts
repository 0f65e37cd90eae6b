// Who may see an employee's or a department's KPI figures (docs/product.md §KPI): performance data is visible to
// the employee, their managers and HR. Pure: the caller and the relevant manager chain come in, a yes/no goes out.
// The chains come from the employee and department topics (org-figures/org-directory.projection.ts).
import { Role, type KnownCaller } from '@opsgraph/domain';
import { permissions } from '../permissions';

/**
 * An employee's figures: the employee themself, anyone in their manager chain (line managers upwards, and the
 * managers of their department and its ancestor departments), and ADMIN/HR/OPS_DIRECTOR.
 */
export function canSeeEmployeeKpi(
  caller: KnownCaller,
  employeeId: string,
  managerChain: ReadonlySet<string>,
): boolean {
  if (permissions.can(caller, 'SEE_ANY_EMPLOYEE_KPI')) return true;
  if (!caller.employeeId || caller.role === Role.CUSTOMER) return false;
  return caller.employeeId === employeeId || managerChain.has(caller.employeeId);
}

/** A department's figures: the managers of it or of an ancestor department, and ADMIN/HR/OPS_DIRECTOR/ANALYST. */
export function canSeeDepartmentKpi(caller: KnownCaller, managerChain: ReadonlySet<string>): boolean {
  if (permissions.can(caller, 'SEE_ANY_DEPARTMENT_KPI')) return true;
  if (!caller.employeeId || caller.role === Role.CUSTOMER) return false;
  return managerChain.has(caller.employeeId);
}
