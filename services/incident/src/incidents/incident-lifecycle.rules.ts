// The incident state machine (docs/product.md §5 "Incidents"). Pure: each decision is a function of the state and
// the command; the service stamps the times and writes the timeline.
import type { IncidentStatus } from '@opsgraph/contracts-events';

export const INCIDENT_COMMANDS = [
  'ACTIVATE',
  'CONTAIN',
  'START_RECOVERY',
  'RESOLVE',
  'COMPLETE_REVIEW',
] as const;
export type IncidentCommand = (typeof INCIDENT_COMMANDS)[number];

/** What a decision needs to know of the incident. */
export interface IncidentLifecycleState {
  readonly status: IncidentStatus;
  /** The post-incident review (root cause, lessons) has been recorded. */
  readonly reviewRecorded: boolean;
}

export type IncidentDecision =
  | { readonly ok: true; readonly to: IncidentStatus }
  | { readonly ok: false; readonly code: 'INVALID_TRANSITION' | 'REVIEW_MISSING'; readonly message: string };

// One way forward: REPORTED → ACTIVATED → CONTAINED → RECOVERING → RESOLVED → REVIEWED.
const TRANSITIONS: Readonly<Record<IncidentCommand, { from: IncidentStatus; to: IncidentStatus }>> = {
  ACTIVATE: { from: 'REPORTED', to: 'ACTIVATED' },
  CONTAIN: { from: 'ACTIVATED', to: 'CONTAINED' },
  START_RECOVERY: { from: 'CONTAINED', to: 'RECOVERING' },
  RESOLVE: { from: 'RECOVERING', to: 'RESOLVED' },
  COMPLETE_REVIEW: { from: 'RESOLVED', to: 'REVIEWED' },
};

export function decideIncident(state: IncidentLifecycleState, command: IncidentCommand): IncidentDecision {
  const { from, to } = TRANSITIONS[command];
  if (state.status !== from) {
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      message: `${command} is allowed only while the incident is ${from}, not ${state.status}`,
    };
  }
  if (command === 'COMPLETE_REVIEW' && !state.reviewRecorded) {
    return {
      ok: false,
      code: 'REVIEW_MISSING',
      message: 'Record the post-incident review (root cause, lessons, action items) before completing it',
    };
  }
  return { ok: true, to };
}

/** The commands the status accepts (a guard may still refuse one). */
export function allowedIncidentCommands(status: IncidentStatus): IncidentCommand[] {
  return INCIDENT_COMMANDS.filter((command) => TRANSITIONS[command].from === status);
}

/** The review may be recorded, and corrected, only once the incident is resolved and until it is completed. */
export function canRecordReview(status: IncidentStatus): boolean {
  return status === 'RESOLVED';
}

/** Still being handled: the incident's people act on it, and notes go on its timeline. */
export function isActive(status: IncidentStatus): boolean {
  return status === 'ACTIVATED' || status === 'CONTAINED' || status === 'RECOVERING';
}
