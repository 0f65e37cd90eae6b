// Who may do what in the kpi subgraph: one table, action → roles.
import { definePermissions, EMPLOYEE_ROLES, Role } from '@opsgraph/domain';

export const permissions = definePermissions({
  VIEW_KPIS: EMPLOYEE_ROLES,
  CREATE_KPI: [Role.ADMIN, Role.OPS_MANAGER],
});
