// The SLA clock of one ticket (docs/product.md §1 "SLA"), persisted as the five columns of SlaClock.
//
// - Response clock: runs from startedAt and is never paused; met by the first response (acknowledgedAt).
// - Resolution clock: paused while the ticket waits for the customer (and while it sits RESOLVED/CLOSED, so a
//   reopened ticket continues where it stopped); resume() pushes resolutionDueAt by the paused working time.
// - A deadline is breached when the instant measured is strictly after it: meeting it at the due instant is on time.
// - Pauses nest by reason (docs/product.md §12.2): the ticket's status (PENDING_CUSTOMER, RESOLVED/CLOSED) and an
//   incident each hold the clock; it runs again only when no reason holds it any more.
// - All time is counted through an SlaCalendar; the continuous (24×7) calendar is the default.
import { CONTINUOUS_CALENDAR, type SlaCalendar } from './sla-calendar';
import type { SlaPolicy } from './sla-policy';

export interface SlaClock {
  readonly startedAt: Date;
  readonly responseDueAt: Date;
  /**
   * The resolution deadline while the clock runs. While paused it is the deadline as of pausedSince (the open
   * pause is not yet added); effectiveResolutionDueAt gives the deadline "if resumed now".
   */
  readonly resolutionDueAt: Date;
  readonly pausedSince: Date | null;
  /** Working seconds of completed pauses; may be fractional (ms precision), so persist it as a float/numeric. */
  readonly pausedSeconds: number;
  /** What holds the clock still; empty exactly when pausedSince is null. */
  readonly pauseReasons: readonly SlaPauseReason[];
}

/** STATUS: the ticket waits for the customer or is resolved/closed; INCIDENT: the incident fan-out holds it. */
export const SLA_PAUSE_REASONS = ['STATUS', 'INCIDENT'] as const;
export type SlaPauseReason = (typeof SLA_PAUSE_REASONS)[number];

export type SlaDeadlineKind = 'RESPONSE' | 'RESOLUTION';

export interface SlaDeadline {
  readonly kind: SlaDeadlineKind;
  readonly dueAt: Date;
}

/** What the ticket has already achieved; a met deadline can no longer be breached later. */
export interface SlaProgress {
  readonly acknowledgedAt: Date | null;
  readonly resolvedAt: Date | null;
}

export interface PauseInterval {
  readonly from: Date;
  /** null: still paused. */
  readonly to: Date | null;
}

export function startClock(
  startedAt: Date,
  policy: SlaPolicy,
  calendar: SlaCalendar = CONTINUOUS_CALENDAR,
): SlaClock {
  return {
    startedAt,
    ...deadlines(startedAt, policy, 0, calendar),
    pausedSince: null,
    pausedSeconds: 0,
    pauseReasons: [],
  };
}

/** Both deadlines of a clock started at `startedAt` under `policy`; paused time extends the resolution only. */
function deadlines(
  startedAt: Date,
  policy: SlaPolicy,
  pausedSeconds: number,
  calendar: SlaCalendar,
): Pick<SlaClock, 'responseDueAt' | 'resolutionDueAt'> {
  return {
    responseDueAt: calendar.addWorkingSeconds(startedAt, policy.responseSeconds),
    resolutionDueAt: calendar.addWorkingSeconds(startedAt, policy.resolutionSeconds + pausedSeconds),
  };
}

/**
 * Holds the clock for `reason`. The pause starts with the first reason; holding it again for a reason it already
 * has is a no-op (events may be redelivered).
 */
export function pause(clock: SlaClock, at: Date, reason: SlaPauseReason = 'STATUS'): SlaClock {
  if (clock.pauseReasons.includes(reason)) return clock;
  return { ...clock, pausedSince: clock.pausedSince ?? at, pauseReasons: [...clock.pauseReasons, reason] };
}

/**
 * Lets go of `reason`; the clock runs again only when no other reason still holds it. Releasing a reason that
 * does not hold the clock is a no-op; the lifecycle already rejects the transitions that would cause it.
 */
export function resume(
  clock: SlaClock,
  at: Date,
  calendar: SlaCalendar = CONTINUOUS_CALENDAR,
  reason: SlaPauseReason = 'STATUS',
): SlaClock {
  if (!clock.pauseReasons.includes(reason)) return clock;
  const remaining = clock.pauseReasons.filter((held) => held !== reason);
  if (remaining.length > 0) return { ...clock, pauseReasons: remaining };
  return settle(clock, at, calendar);
}

/** The clock as if every pause ended at `at` (what a reader sees "if it resumed now"); running clocks unchanged. */
export function settle(clock: SlaClock, at: Date, calendar: SlaCalendar = CONTINUOUS_CALENDAR): SlaClock {
  if (clock.pausedSince === null) return clock;
  const paused = calendar.workingSecondsBetween(clock.pausedSince, at);
  return {
    ...clock,
    resolutionDueAt: calendar.addWorkingSeconds(clock.resolutionDueAt, paused),
    pausedSince: null,
    pausedSeconds: clock.pausedSeconds + paused,
    pauseReasons: [],
  };
}

/**
 * A priority change re-targets both deadlines from the original start with the new policy; time already
 * paused still counts as paused. A downgrade can therefore lift a breach that was already reported.
 */
export function changePolicy(
  clock: SlaClock,
  policy: SlaPolicy,
  calendar: SlaCalendar = CONTINUOUS_CALENDAR,
): SlaClock {
  return { ...clock, ...deadlines(clock.startedAt, policy, clock.pausedSeconds, calendar) };
}

/** Rebuilds a clock from its pause history (e.g. PENDING_CUSTOMER periods); overlapping intervals are merged. */
export function clockFromPauses(
  startedAt: Date,
  policy: SlaPolicy,
  pauses: readonly PauseInterval[],
  calendar: SlaCalendar = CONTINUOUS_CALENDAR,
): SlaClock {
  return mergePauses(pauses).reduce(
    (clock, interval) =>
      interval.to === null
        ? pause(clock, interval.from)
        : resume(pause(clock, interval.from), interval.to, calendar),
    startClock(startedAt, policy, calendar),
  );
}

/** The resolution deadline as it stands now: while paused, the deadline if the clock resumed at `now`. */
export function effectiveResolutionDueAt(
  clock: SlaClock,
  now: Date,
  calendar: SlaCalendar = CONTINUOUS_CALENDAR,
): Date {
  return settle(clock, now, calendar).resolutionDueAt;
}

/** Working seconds the resolution clock has run up to `now`, paused time excluded. */
export function elapsedResolutionSeconds(
  clock: SlaClock,
  now: Date,
  calendar: SlaCalendar = CONTINUOUS_CALENDAR,
): number {
  const runningUntil = earliest(now, clock.pausedSince);
  return Math.max(0, calendar.workingSecondsBetween(clock.startedAt, runningUntil) - clock.pausedSeconds);
}

export function isResponseBreached(clock: SlaClock, now: Date, acknowledgedAt: Date | null): boolean {
  return earliest(now, acknowledgedAt) > clock.responseDueAt;
}

/** Measured at the instant the resolution clock last ran: resolution, the start of the current pause, or now. */
export function isResolutionBreached(clock: SlaClock, now: Date, resolvedAt: Date | null): boolean {
  return earliest(now, resolvedAt, clock.pausedSince) > clock.resolutionDueAt;
}

/** The deadlines breached at `now`, RESPONSE first. */
export function breaches(clock: SlaClock, now: Date, progress: SlaProgress): SlaDeadlineKind[] {
  const breached: SlaDeadlineKind[] = [];
  if (isResponseBreached(clock, now, progress.acknowledgedAt)) breached.push('RESPONSE');
  if (isResolutionBreached(clock, now, progress.resolvedAt)) breached.push('RESOLUTION');
  return breached;
}

/**
 * The earliest deadline still ahead (due at or after `now`) that can still be breached: not yet met, and for
 * resolution the clock is running. null when nothing is pending. Already-breached deadlines come from breaches().
 */
export function nextDeadline(clock: SlaClock, now: Date, progress: SlaProgress): SlaDeadline | null {
  const pending: SlaDeadline[] = [];
  if (progress.acknowledgedAt === null) pending.push({ kind: 'RESPONSE', dueAt: clock.responseDueAt });
  if (progress.resolvedAt === null && clock.pausedSince === null) {
    pending.push({ kind: 'RESOLUTION', dueAt: clock.resolutionDueAt });
  }
  const ahead = pending.filter((deadline) => deadline.dueAt >= now);
  return ahead.reduce<SlaDeadline | null>(
    (soonest, deadline) => (soonest === null || deadline.dueAt < soonest.dueAt ? deadline : soonest),
    null,
  );
}

function earliest(first: Date, ...others: (Date | null)[]): Date {
  return others.reduce<Date>((min, date) => (date !== null && date < min ? date : min), first);
}

function mergePauses(pauses: readonly PauseInterval[]): PauseInterval[] {
  const sorted = [...pauses].sort((a, b) => a.from.getTime() - b.from.getTime());
  return sorted.reduce<PauseInterval[]>((merged, interval) => {
    const last = merged[merged.length - 1];
    if (last !== undefined && (last.to === null || interval.from <= last.to)) {
      merged[merged.length - 1] = { from: last.from, to: latestEnd(last.to, interval.to) };
    } else {
      merged.push(interval);
    }
    return merged;
  }, []);
}

function latestEnd(a: Date | null, b: Date | null): Date | null {
  if (a === null || b === null) return null;
  return a > b ? a : b;
}
