import type { Priority } from '../tickets/ticket.priority';

/** Targets in working seconds of the clock's calendar (wall-clock seconds with the continuous calendar). */
export interface SlaPolicy {
  readonly priority: Priority;
  readonly responseSeconds: number;
  readonly resolutionSeconds: number;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/** Seeded defaults; deployments may store their own set. */
export const DEFAULT_SLA_POLICIES: Readonly<Record<Priority, SlaPolicy>> = {
  P1: { priority: 'P1', responseSeconds: 15 * MINUTE, resolutionSeconds: 4 * HOUR },
  P2: { priority: 'P2', responseSeconds: 1 * HOUR, resolutionSeconds: 8 * HOUR },
  P3: { priority: 'P3', responseSeconds: 4 * HOUR, resolutionSeconds: 24 * HOUR },
  P4: { priority: 'P4', responseSeconds: 8 * HOUR, resolutionSeconds: 72 * HOUR },
};

export function policyFor(
  priority: Priority,
  policies: Readonly<Record<Priority, SlaPolicy>> = DEFAULT_SLA_POLICIES,
): SlaPolicy {
  return policies[priority];
}
