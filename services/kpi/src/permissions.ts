// Who may do what in the kpi subgraph: one table, action → roles.
import { definePermissions, EMPLOYEE_ROLES, Role } from '@opsgraph/domain';

export const permissions = definePermissions({
  VIEW_KPIS: EMPLOYEE_ROLES,
  MANAGE_MONITORING: [Role.ADMIN, Role.OPS_MANAGER],
  /** See every employee's figures (Employee.kpi; otherwise: the employee and their managers). */
  SEE_ANY_EMPLOYEE_KPI: [Role.ADMIN, Role.HR, Role.OPS_DIRECTOR],
  /** See every department's figures (Department.kpi; ANALYST gets aggregates, never a person's). */
  SEE_ANY_DEPARTMENT_KPI: [Role.ADMIN, Role.HR, Role.OPS_DIRECTOR, Role.ANALYST],
});
