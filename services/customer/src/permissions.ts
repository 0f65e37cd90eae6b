// Who may do what in the customer service: one row per action. Finer rules (a portal user sees only its own
// record, masked contacts, the assignee of a revisit) build on this in customers/customer.access.ts and the services.
import { ALL_ROLES, definePermissions, EMPLOYEE_ROLES, Role } from '@opsgraph/domain';

/** Register and edit customers and their contacts, schedule and cancel revisits, read the audit trail. */
const CUSTOMER_EDITORS: readonly Role[] = [Role.ADMIN, Role.OPS_DIRECTOR, Role.OPS_MANAGER, Role.AGENT];
/** Making a customer a key account or VIP is a management decision. */
const TIER_EDITORS: readonly Role[] = [Role.ADMIN, Role.OPS_DIRECTOR, Role.OPS_MANAGER];

export const permissions = definePermissions({
  READ_CUSTOMERS: ALL_ROLES,
  SEARCH_CUSTOMERS: EMPLOYEE_ROLES,
  REGISTER_CUSTOMERS: CUSTOMER_EDITORS,
  UPDATE_CUSTOMERS: CUSTOMER_EDITORS,
  /** Also: registering a customer above STANDARD. */
  CHANGE_CUSTOMER_TIERS: TIER_EDITORS,
  /** A portal user only for its own record. */
  CHANGE_CONSENTS: [...CUSTOMER_EDITORS, Role.CUSTOMER],
  CHANGE_CONTACTS: CUSTOMER_EDITORS,
  READ_THE_CUSTOMER_AUDIT_TRAIL: CUSTOMER_EDITORS,
  LIST_REVISITS: EMPLOYEE_ROLES,
  SCHEDULE_REVISITS: CUSTOMER_EDITORS,
  /** Any employee may ask; only editors or the revisit's assignee get through (CHANGE_ANY_REVISIT). */
  RECORD_REVISITS: EMPLOYEE_ROLES,
  CANCEL_REVISITS: CUSTOMER_EDITORS,
  /** A revisit assigned to someone else. */
  CHANGE_ANY_REVISIT: CUSTOMER_EDITORS,
  READ_THE_PERSONAL_DATA_ACCESS_LOG: [Role.ADMIN],
});

export type CustomerAction = keyof typeof permissions.table;
