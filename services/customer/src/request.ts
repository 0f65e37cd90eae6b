// What every use-case receives about the request, and the small helpers all of them share.
import type { EventActor } from '@opsgraph/contracts-events';
import {
  ConflictError,
  ForbiddenError,
  UnauthenticatedError,
  type Caller,
  type Role,
} from '@opsgraph/graphql-kit';

export type Clock = () => Date;

/** Who asks, and the request's correlation id (carried into every event and audit line). */
export interface RequestMeta {
  readonly caller: Caller;
  readonly correlationId: string;
}

export type KnownCaller = NonNullable<Caller>;

export function actorOf(caller: KnownCaller): EventActor {
  return { id: caller.userId, role: caller.role };
}

/** The caller if its role is one of `roles`; UNAUTHENTICATED without a caller, FORBIDDEN otherwise. */
export function requireRoleOf(caller: Caller, roles: readonly Role[], what: string): KnownCaller {
  if (caller === null) throw new UnauthenticatedError();
  if (!roles.includes(caller.role)) throw new ForbiddenError(`${caller.role} may not ${what}`);
  return caller;
}

export function checkVersion(what: string, current: { version: number }, expectedVersion: number): void {
  if (current.version !== expectedVersion) {
    throw new ConflictError(
      `${what} is at version ${current.version}, not ${expectedVersion}: reload it and retry`,
      {
        expectedVersion,
        actualVersion: current.version,
      },
    );
  }
}
