// Who may do what in the kpi subgraph: one table, action → roles.
import { definePermissions, EMPLOYEE_ROLES, Role } from '@opsgraph/domain';

export const permissions = definePermissions({
  VIEW_KPIS: EMPLOYEE_ROLES,
  MANAGE_MONITORING: [Role.ADMIN, Role.OPS_MANAGER],
});
