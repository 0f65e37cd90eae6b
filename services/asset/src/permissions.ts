// Who may do what in the asset subgraph: one table, action → roles.
import { definePermissions, EMPLOYEE_ROLES, Role } from '@opsgraph/domain';

export const permissions = definePermissions({
  VIEW_ASSETS: EMPLOYEE_ROLES,
  CREATE_ASSET: [Role.ADMIN, Role.OPS_MANAGER],
});
