import { registerEnumType } from 'type-graphql';

/** Roles of domain.md §9; the gateway forwards one per caller in `x-opsgraph-role`. */
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

registerEnumType(Role, { name: 'Role', description: 'Role of a platform user' });

const ROLES: ReadonlySet<string> = new Set(Object.values(Role));

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && ROLES.has(value);
}
