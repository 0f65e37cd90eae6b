// One permission table per service: action → the roles that may take it, so a reader finds who may do what in one
// place. Finer rules (own tickets only, masked fields) stay in the aggregate's `*.access.ts` and build on this.
import type { Caller, KnownCaller } from './caller';
import { ForbiddenError, UnauthenticatedError } from './errors';
import type { Role } from './role';

export type PermissionTable<A extends string> = Readonly<Record<A, readonly Role[]>>;

export interface Permissions<A extends string> {
  readonly table: PermissionTable<A>;
  rolesFor(action: A): readonly Role[];
  can(caller: Caller, action: A): boolean;
  /** The caller if its role may take `action`; UNAUTHENTICATED without a caller, FORBIDDEN otherwise. */
  require(caller: Caller, action: A): KnownCaller;
}

export function definePermissions<A extends string>(table: PermissionTable<A>): Permissions<A> {
  const frozen = Object.freeze({ ...table });
  return {
    table: frozen,
    rolesFor: (action) => frozen[action],
    can: (caller, action) => caller !== null && frozen[action].includes(caller.role),
    require: (caller, action) => requireRoleOf(caller, frozen[action], describe(action)),
  };
}

/** The caller if its role is one of `roles`; UNAUTHENTICATED without a caller, FORBIDDEN otherwise. */
export function requireRoleOf(caller: Caller, roles: readonly Role[], what: string): KnownCaller {
  if (caller === null) throw new UnauthenticatedError();
  if (!roles.includes(caller.role)) throw new ForbiddenError(`${caller.role} may not ${what}`);
  return caller;
}

/** `ASSIGN_TICKET` → `assign ticket`, for error messages. */
function describe(action: string): string {
  return action.toLowerCase().replace(/_/g, ' ');
}
