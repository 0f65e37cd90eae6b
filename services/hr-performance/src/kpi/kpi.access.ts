// Who may see KPI figures (domain.md §9: performance data is visible to the employee, their managers and HR).
// Pure: the caller and the relevant manager chain come in, a yes/no goes out.
import { Role, type Caller } from '@opsgraph/graphql-kit';

/** Roles that see every employee's figures. */
export const KPI_ALL_EMPLOYEES_ROLES: readonly Role[] = [Role.ADMIN, Role.HR, Role.OPS_DIRECTOR];

/** Roles that see every department's (aggregate) figures: ANALYST gets aggregates, never a person's. */
export const KPI_ALL_DEPARTMENTS_ROLES: readonly Role[] = [
  Role.ADMIN,
  Role.HR,
  Role.OPS_DIRECTOR,
  Role.ANALYST,
];

/**
 * An employee's figures: the employee themself, anyone in their manager chain (line managers upwards, and the
 * managers of their department and its ancestor departments), and ADMIN/HR/OPS_DIRECTOR.
 */
export function canSeeEmployeeKpi(
  caller: NonNullable<Caller>,
  employeeId: string,
  managerChain: ReadonlySet<string>,
): boolean {
  if (KPI_ALL_EMPLOYEES_ROLES.includes(caller.role)) return true;
  if (!caller.employeeId || caller.role === Role.CUSTOMER) return false;
  return caller.employeeId === employeeId || managerChain.has(caller.employeeId);
}

/** A department's figures: the managers of it or of an ancestor department, and ADMIN/HR/OPS_DIRECTOR/ANALYST. */
export function canSeeDepartmentKpi(caller: NonNullable<Caller>, managerChain: ReadonlySet<string>): boolean {
  if (KPI_ALL_DEPARTMENTS_ROLES.includes(caller.role)) return true;
  if (!caller.employeeId || caller.role === Role.CUSTOMER) return false;
  return managerChain.has(caller.employeeId);
}
