import { isRoleName, type RoleName } from '@opsgraph/contracts-caller';
import { registerEnumType } from 'type-graphql';

/** Roles of domain.md §9 (the caller contract's ROLES) as a GraphQL enum; one per caller in `x-opsgraph-role`. */
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

registerEnumType(Role, { name: 'Role', description: 'Role of a platform user' });

export function isRole(value: unknown): value is Role {
  return isRoleName(value);
}
