// Who may do what in the incident subgraph: one table, action → roles (docs/product.md §5 "Access"). Finer rules (the
// commander and role holders act on their own incident) are in incidents/incident.access.ts.
import { definePermissions, EMPLOYEE_ROLES, Role } from '@opsgraph/domain';

const MANAGERS = [Role.ADMIN, Role.OPS_DIRECTOR, Role.OPS_MANAGER];

export const permissions = definePermissions({
  VIEW_INCIDENTS: EMPLOYEE_ROLES,
  // Whoever sees it first reports it (P0 §六(二)1 「現場人員應立即向上級報告」).
  REPORT_INCIDENT: EMPLOYEE_ROLES,
  MANAGE_INCIDENTS: MANAGERS,
  VIEW_RISKS: EMPLOYEE_ROLES,
  MANAGE_RISKS: MANAGERS,
  VIEW_PLANS: EMPLOYEE_ROLES,
  MANAGE_PLANS: MANAGERS,
});
