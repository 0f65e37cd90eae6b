/**
 * What the gateway tells subgraphs about the caller. The header names are those of @opsgraph/graphql-kit
 * (libs/platform/graphql/src/auth/headers.ts); claims.unit.spec.ts keeps them equal. They are repeated here so the
 * gateway's hot path does not load type-graphql.
 */
export const GATEWAY_SECRET_HEADER = 'x-opsgraph-gateway-secret';
export const USER_ID_HEADER = 'x-opsgraph-user-id';
export const ROLE_HEADER = 'x-opsgraph-role';
export const EMPLOYEE_ID_HEADER = 'x-opsgraph-employee-id';
export const CUSTOMER_ID_HEADER = 'x-opsgraph-customer-id';
export const DEPARTMENT_ID_HEADER = 'x-opsgraph-department-id';
export const CORRELATION_ID_HEADER = 'x-correlation-id';
/** Every header with this prefix is the gateway's to set; whatever a client sent under it is dropped. */
export const GATEWAY_HEADER_PREFIX = 'x-opsgraph-';

/** Roles of domain.md §9. */
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
export type Role = (typeof ROLES)[number];
const ROLE_SET: ReadonlySet<string> = new Set(ROLES);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && ROLE_SET.has(value);
}

export interface Claims {
  sub: string;
  role: Role;
  employeeId?: string;
  customerId?: string;
  departmentId?: string;
}

export class InvalidClaimsError extends Error {
  override name = 'InvalidClaimsError';
}

// Claim values become header values: visible ASCII only, bounded.
const CLAIM_VALUE = /^[\x21-\x7e]{1,200}$/;

function claimValue(payload: Record<string, unknown>, name: string, required: boolean): string | undefined {
  const value = payload[name];
  if (value === undefined || value === null) {
    if (required) throw new InvalidClaimsError(`token has no ${name}`);
    return undefined;
  }
  if (typeof value !== 'string' || !CLAIM_VALUE.test(value)) throw new InvalidClaimsError(`token ${name} is malformed`);
  return value;
}

/** A verified JWT payload → the caller; a CUSTOMER must name its customer. */
export function claimsFromPayload(payload: Record<string, unknown>): Claims {
  const sub = claimValue(payload, 'sub', true) as string;
  const role = payload.role;
  if (!isRole(role)) throw new InvalidClaimsError('token role is missing or unknown');
  const claims: Claims = { sub, role };
  const employeeId = claimValue(payload, 'employeeId', false);
  const customerId = claimValue(payload, 'customerId', false);
  const departmentId = claimValue(payload, 'departmentId', false);
  if (employeeId) claims.employeeId = employeeId;
  if (customerId) claims.customerId = customerId;
  if (departmentId) claims.departmentId = departmentId;
  if (role === 'CUSTOMER' && !customerId) throw new InvalidClaimsError('a CUSTOMER token needs customerId');
  return claims;
}
