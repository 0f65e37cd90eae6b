import type { Role } from './role';

/** Who is calling, as the gateway verified it; null for an anonymous request. */
export type Caller = {
  userId: string;
  role: Role;
  employeeId?: string;
  customerId?: string;
  departmentId?: string;
} | null;

export type KnownCaller = NonNullable<Caller>;

/** Who asks, and the request's correlation id (carried into every event and audit line). */
export interface RequestMeta {
  readonly caller: Caller;
  readonly correlationId: string;
}

/** The current time; tests move it, production reads the wall clock. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A caller of `role` with the given claims (undefined ones left out); unit tests and jobs build callers with it. */
export function callerWith(
  role: Role,
  claims: { userId?: string; employeeId?: string; customerId?: string; departmentId?: string } = {},
): KnownCaller {
  const defined = Object.entries(claims).filter(([, value]) => value !== undefined);
  return { userId: 'u1', role, ...Object.fromEntries(defined) };
}
