// Who may do what in the incident subgraph: one table, action → roles.
import { definePermissions, EMPLOYEE_ROLES, Role } from '@opsgraph/domain';

export const permissions = definePermissions({
  VIEW_INCIDENTS: EMPLOYEE_ROLES,
  CREATE_INCIDENT: [Role.ADMIN, Role.OPS_MANAGER],
});
