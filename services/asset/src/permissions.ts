// Who may do what in the asset subgraph: one table, action → roles (docs/product.md §4.1).
import { definePermissions, EMPLOYEE_ROLES, Role } from '@opsgraph/domain';

/** Operations management keeps the ledger and the plans. */
export const ASSET_MANAGER_ROLES: readonly Role[] = [Role.ADMIN, Role.OPS_DIRECTOR, Role.OPS_MANAGER];

export const permissions = definePermissions({
  /** Every employee reads the ledger; CUSTOMER sees nothing of it. */
  VIEW_ASSETS: EMPLOYEE_ROLES,
  MANAGE_ASSETS: ASSET_MANAGER_ROLES,
  /** Maintenance jobs, meter readings, fault reports and repairs. */
  RECORD_MAINTENANCE: [...ASSET_MANAGER_ROLES, Role.TECHNICIAN],
});
