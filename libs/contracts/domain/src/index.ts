// The domain vocabulary every service shares, free of GraphQL, Apollo and TypeORM: pure rule files import only this.
export { Role, ALL_ROLES, EMPLOYEE_ROLES, isRole } from './role';
export {
  callerWith,
  systemClock,
  type Caller,
  type KnownCaller,
  type RequestMeta,
  type Clock,
} from './caller';
export * from './errors';
export { definePermissions, requireRoleOf, type Permissions, type PermissionTable } from './permissions';
export { readableNumber, type ReadableNumber } from './readable-number';
