import { isRoleName, type RoleName } from '@opsgraph/contracts-caller';

/** The roles of a platform user (the caller contract's ROLES), one per caller. */
export enum Role {
  ADMIN = 'ADMIN',
  OPS_DIRECTOR = 'OPS_DIRECTOR',
  OPS_MANAGER = 'OPS_MANAGER',
  AGENT = 'AGENT',
  TECHNICIAN = 'TECHNICIAN',
  HR = 'HR',
  ANALYST = 'ANALYST',
  CUSTOMER = 'CUSTOMER',
}

// Compile-time: the enum and the contract name the same roles, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameRoles: Same<`${Role}`, RoleName> = true;
void sameRoles;

export const ALL_ROLES: readonly Role[] = Object.freeze(Object.values(Role));

/** Every role but CUSTOMER: people who work in the operations centre. */
export const EMPLOYEE_ROLES: readonly Role[] = Object.freeze(
  ALL_ROLES.filter((role) => role !== Role.CUSTOMER),
);

export function isRole(value: unknown): value is Role {
  return isRoleName(value);
}
