import type { AuthCheckerFn } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../errors/errors';
import type { Caller } from './caller';
import type { Role } from './role';

export interface CallerContext {
  caller: Caller;
}

/** Narrowed caller, or UNAUTHENTICATED. */
export function requireCaller(ctx: CallerContext): NonNullable<Caller> {
  if (!ctx.caller) throw new UnauthenticatedError();
  return ctx.caller;
}

/** The caller if its role is one of `roles` (any role when none given); else UNAUTHENTICATED / FORBIDDEN. */
export function requireRole(ctx: CallerContext, ...roles: Role[]): NonNullable<Caller> {
  const caller = requireCaller(ctx);
  if (roles.length > 0 && !roles.includes(caller.role)) throw new ForbiddenError();
  return caller;
}

/**
 * For `@Authorized(...roles)`. It throws instead of returning false so that the codes are ours
 * (type-graphql's own would be UNAUTHENTICATED/UNAUTHORIZED without telling "no caller" from "wrong role").
 */
export const authChecker: AuthCheckerFn<CallerContext, Role> = ({ context }, roles) => {
  requireRole(context, ...roles);
  return true;
};
