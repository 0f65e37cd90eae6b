// The contract between the gateway and every subgraph about who is calling: which headers carry the verified
// claims and which roles exist. Dependency-free, so the gateway's hot path loads nothing else for it.

/** Headers the gateway sets (always overwriting what the client sent) on every subgraph request. */
export const GATEWAY_SECRET_HEADER = 'x-opsgraph-gateway-secret';
export const USER_ID_HEADER = 'x-opsgraph-user-id';
export const ROLE_HEADER = 'x-opsgraph-role';
export const EMPLOYEE_ID_HEADER = 'x-opsgraph-employee-id';
export const CUSTOMER_ID_HEADER = 'x-opsgraph-customer-id';
export const DEPARTMENT_ID_HEADER = 'x-opsgraph-department-id';
export const CORRELATION_ID_HEADER = 'x-correlation-id';

/** Every header with this prefix is the gateway's to set; whatever a client sent under it is dropped. */
export const GATEWAY_HEADER_PREFIX = 'x-opsgraph-';

/** Every caller header, e.g. for the gateway to delete before setting its own. */
export const CALLER_HEADERS = [
  USER_ID_HEADER,
  ROLE_HEADER,
  EMPLOYEE_ID_HEADER,
  CUSTOMER_ID_HEADER,
  DEPARTMENT_ID_HEADER,
] as const;

/** Roles of docs/product.md §9. */
export const ROLES = [
  'ADMIN',
  'OPS_DIRECTOR',
  'OPS_MANAGER',
  'AGENT',
  'TECHNICIAN',
  'HR',
  'ANALYST',
  'CUSTOMER',
] as const;

export type RoleName = (typeof ROLES)[number];

const ROLE_SET: ReadonlySet<string> = new Set(ROLES);

export function isRoleName(value: unknown): value is RoleName {
  return typeof value === 'string' && ROLE_SET.has(value);
}
