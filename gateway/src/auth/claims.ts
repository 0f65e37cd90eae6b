import { isRoleName, type RoleName } from '@opsgraph/contracts-caller';

export type Role = RoleName;
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
  if (typeof value !== 'string' || !CLAIM_VALUE.test(value))
    throw new InvalidClaimsError(`token ${name} is malformed`);
  return value;
}

/** A verified JWT payload → the caller; a CUSTOMER must name its customer. */
export function claimsFromPayload(payload: Record<string, unknown>): Claims {
  const sub = claimValue(payload, 'sub', true) as string;
  const role = payload.role;
  if (!isRoleName(role)) throw new InvalidClaimsError('token role is missing or unknown');
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
