// The ticket state machine (docs/product.md §1 "Lifecycle"). Pure: every decision is a function of
// (state, command, now, policy); no I/O, no clock reads, no exceptions for rule violations.

import { TICKET_STATUSES, type TicketStatus } from '@opsgraph/contracts-events';

// The statuses are the event contract's (TicketStatusChanged carries them).
export { TICKET_STATUSES, type TicketStatus };

export const TICKET_COMMAND_TYPES = [
  'ACKNOWLEDGE',
  'ASSIGN',
  'START_WORK',
  'AWAIT_CUSTOMER',
  'CUSTOMER_RESPONDED',
  'RESOLVE',
  'CLOSE',
  'REOPEN',
  'TRANSFER',
  'ESCALATE',
] as const;
export type TicketCommandType = (typeof TICKET_COMMAND_TYPES)[number];

/** MERGED: the ticket was a duplicate merged into another (docs/product.md §12.4); only the merge sets it. */
export const CLOSE_REASONS = ['CUSTOMER_CONFIRMED', 'AGENT', 'AUTO_CLOSED', 'MERGED'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const MAX_ESCALATION_LEVEL = 3;
export type EscalationLevel = 0 | 1 | 2 | 3;

export interface TicketLifecycleState {
  readonly status: TicketStatus;
  readonly departmentId: string | null;
  readonly assigneeId: string | null;
  readonly escalationLevel: EscalationLevel;
  /** First response (ACKNOWLEDGE, or ASSIGN of a NEW ticket); set once, kept across reopen. */
  readonly acknowledgedAt: Date | null;
  readonly resolvedAt: Date | null;
  readonly closedAt: Date | null;
  readonly closeReason: CloseReason | null;
  readonly reopenCount: number;
}

/** The state of a freshly created ticket. */
export function newTicketLifecycleState(departmentId: string | null = null): TicketLifecycleState {
  return {
    status: 'NEW',
    departmentId,
    assigneeId: null,
    escalationLevel: 0,
    acknowledgedAt: null,
    resolvedAt: null,
    closedAt: null,
    closeReason: null,
    reopenCount: 0,
  };
}

export type TicketCommand =
  | { readonly type: 'ACKNOWLEDGE' }
  /** departmentId defaults to the ticket's current department. */
  | { readonly type: 'ASSIGN'; readonly assigneeId: string; readonly departmentId?: string }
  | { readonly type: 'START_WORK' }
  | { readonly type: 'AWAIT_CUSTOMER' }
  | { readonly type: 'CUSTOMER_RESPONDED' }
  | { readonly type: 'RESOLVE' }
  | { readonly type: 'CLOSE'; readonly reason: CloseReason }
  | { readonly type: 'REOPEN' }
  | { readonly type: 'TRANSFER'; readonly departmentId: string; readonly assigneeId?: string | null }
  | { readonly type: 'ESCALATE' };

export interface TicketLifecyclePolicy {
  /** A CLOSED ticket may be reopened up to this many days (24 h each) after closedAt, inclusive. */
  readonly reopenWindowDays: number;
  /** AUTO_CLOSED is accepted once this many days (24 h each) have passed since resolvedAt, inclusive. */
  readonly autoCloseAfterDays: number;
}

export const DEFAULT_LIFECYCLE_POLICY: TicketLifecyclePolicy = {
  reopenWindowDays: 30,
  autoCloseAfterDays: 7,
};

/** What the service must do with the SLA resolution clock after this transition. */
export type SlaClockEffect = 'PAUSE' | 'RESUME' | 'NONE';

export interface TicketChanges {
  readonly fromStatus: TicketStatus;
  readonly toStatus: TicketStatus;
  readonly statusChanged: boolean;
  /** This command is the ticket's first response (acknowledgedAt was set to now). */
  readonly firstResponse: boolean;
  readonly slaClock: SlaClockEffect;
}

export type TicketLifecycleErrorCode =
  | 'INVALID_TRANSITION'
  | 'NO_CHANGE'
  | 'ASSIGNEE_REQUIRED'
  | 'DEPARTMENT_REQUIRED'
  | 'ESCALATION_LIMIT_REACHED'
  | 'REOPEN_WINDOW_EXPIRED'
  | 'AUTO_CLOSE_NOT_DUE';

export interface TicketLifecycleError {
  readonly code: TicketLifecycleErrorCode;
  readonly currentStatus: TicketStatus;
  readonly command: TicketCommandType;
  readonly message: string;
}

export type TicketDecision =
  | { readonly ok: true; readonly next: TicketLifecycleState; readonly changes: TicketChanges }
  | { readonly ok: false; readonly error: TicketLifecycleError };

/** Not yet resolved: the ticket still needs work. */
export const OPEN_STATUSES: readonly TicketStatus[] = [
  'NEW',
  'ACKNOWLEDGED',
  'ASSIGNED',
  'IN_PROGRESS',
  'PENDING_CUSTOMER',
  'REOPENED',
];
const TRANSFERABLE: readonly TicketStatus[] = [
  'ACKNOWLEDGED',
  'ASSIGNED',
  'IN_PROGRESS',
  'PENDING_CUSTOMER',
  'REOPENED',
];
// Re-assigning a ticket that is already being handled keeps its status: the new assignee inherits the work
// (and a PENDING_CUSTOMER ticket keeps waiting for the customer).
const REASSIGNABLE: readonly TicketStatus[] = ['ASSIGNED', 'IN_PROGRESS', 'PENDING_CUSTOMER'];

/** Which statuses accept which commands. Guards (window, assignee, limits) are checked on top of this. */
const TRANSITIONS: Readonly<Record<TicketCommandType, readonly TicketStatus[]>> = {
  ACKNOWLEDGE: ['NEW'],
  ASSIGN: ['NEW', 'ACKNOWLEDGED', 'REOPENED', ...REASSIGNABLE],
  START_WORK: ['ASSIGNED', 'REOPENED'],
  AWAIT_CUSTOMER: ['IN_PROGRESS'],
  CUSTOMER_RESPONDED: ['PENDING_CUSTOMER'],
  // ASSIGNED: a quick fix needs no separate START_WORK; PENDING_CUSTOMER: the customer's answer confirms the fix.
  // Not before ASSIGNED: every resolution has an accountable assignee (KPIs count tickets handled per person).
  RESOLVE: ['ASSIGNED', 'IN_PROGRESS', 'PENDING_CUSTOMER'],
  CLOSE: ['RESOLVED'],
  REOPEN: ['RESOLVED', 'CLOSED'],
  TRANSFER: TRANSFERABLE,
  ESCALATE: OPEN_STATUSES,
};

export function isOpen(status: TicketStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Commands the status accepts, in TICKET_COMMAND_TYPES order. A guard may still reject one (see decide). */
export function allowedCommands(status: TicketStatus): TicketCommandType[] {
  return TICKET_COMMAND_TYPES.filter((type) => TRANSITIONS[type].includes(status));
}

export function decide(
  state: TicketLifecycleState,
  command: TicketCommand,
  now: Date,
  policy: TicketLifecyclePolicy = DEFAULT_LIFECYCLE_POLICY,
): TicketDecision {
  if (!TRANSITIONS[command.type].includes(state.status)) {
    return reject(
      state,
      command,
      'INVALID_TRANSITION',
      `${command.type} is not allowed while the ticket is ${state.status}`,
    );
  }
  switch (command.type) {
    case 'ACKNOWLEDGE':
      return accept(state, { ...state, status: 'ACKNOWLEDGED', acknowledgedAt: now });
    case 'ASSIGN':
      return assign(state, command, now);
    case 'START_WORK':
      return startWork(state, command);
    case 'AWAIT_CUSTOMER':
      return accept(state, { ...state, status: 'PENDING_CUSTOMER' });
    case 'CUSTOMER_RESPONDED':
      return accept(state, { ...state, status: 'IN_PROGRESS' });
    case 'RESOLVE':
      return accept(state, { ...state, status: 'RESOLVED', resolvedAt: now });
    case 'CLOSE':
      return close(state, command, now, policy);
    case 'REOPEN':
      return reopen(state, command, now, policy);
    case 'TRANSFER':
      return transfer(state, command);
    case 'ESCALATE':
      return escalate(state, command);
    default:
      return assertNever(command);
  }
}

function assign(
  state: TicketLifecycleState,
  command: Extract<TicketCommand, { type: 'ASSIGN' }>,
  now: Date,
): TicketDecision {
  const departmentId = command.departmentId ?? state.departmentId;
  if (departmentId === null) {
    return reject(state, command, 'DEPARTMENT_REQUIRED', 'An assignment needs a lead department');
  }
  const status = REASSIGNABLE.includes(state.status) ? state.status : 'ASSIGNED';
  const unchanged =
    status === state.status && command.assigneeId === state.assigneeId && departmentId === state.departmentId;
  if (unchanged) {
    return reject(
      state,
      command,
      'NO_CHANGE',
      'The ticket is already assigned to this assignee and department',
    );
  }
  return accept(state, {
    ...state,
    status,
    assigneeId: command.assigneeId,
    departmentId,
    acknowledgedAt: state.acknowledgedAt ?? now,
  });
}

function startWork(state: TicketLifecycleState, command: TicketCommand): TicketDecision {
  if (state.assigneeId === null) {
    return reject(state, command, 'ASSIGNEE_REQUIRED', 'Assign the ticket before starting work on it');
  }
  return accept(state, { ...state, status: 'IN_PROGRESS' });
}

function close(
  state: TicketLifecycleState,
  command: Extract<TicketCommand, { type: 'CLOSE' }>,
  now: Date,
  policy: TicketLifecyclePolicy,
): TicketDecision {
  if (command.reason === 'MERGED') {
    return reject(state, command, 'INVALID_TRANSITION', 'Only merging duplicates closes a ticket as MERGED');
  }
  const resolvedAt = state.resolvedAt ?? now;
  if (command.reason === 'AUTO_CLOSED' && elapsedDays(resolvedAt, now) < policy.autoCloseAfterDays) {
    return reject(
      state,
      command,
      'AUTO_CLOSE_NOT_DUE',
      `Auto-close is allowed ${policy.autoCloseAfterDays} days after resolution`,
    );
  }
  return accept(state, { ...state, status: 'CLOSED', closedAt: now, closeReason: command.reason });
}

function reopen(
  state: TicketLifecycleState,
  command: TicketCommand,
  now: Date,
  policy: TicketLifecyclePolicy,
): TicketDecision {
  if (state.closeReason === 'MERGED') {
    return reject(
      state,
      command,
      'INVALID_TRANSITION',
      'A merged ticket stays closed: reopen the ticket it was merged into',
    );
  }
  if (state.status === 'CLOSED' && elapsedDays(state.closedAt ?? now, now) > policy.reopenWindowDays) {
    return reject(
      state,
      command,
      'REOPEN_WINDOW_EXPIRED',
      `A closed ticket can be reopened only within ${policy.reopenWindowDays} days of closing`,
    );
  }
  return accept(state, {
    ...state,
    status: 'REOPENED',
    resolvedAt: null,
    closedAt: null,
    closeReason: null,
    reopenCount: state.reopenCount + 1,
  });
}

function transfer(
  state: TicketLifecycleState,
  command: Extract<TicketCommand, { type: 'TRANSFER' }>,
): TicketDecision {
  if (command.departmentId === state.departmentId) {
    return reject(state, command, 'NO_CHANGE', 'Use ASSIGN to re-assign within the same department');
  }
  const assigneeId = command.assigneeId ?? null;
  // Without an assignee the ticket waits in the new department's queue: acknowledged, awaiting assignment.
  const status = assigneeId === null ? 'ACKNOWLEDGED' : 'ASSIGNED';
  return accept(state, { ...state, status, departmentId: command.departmentId, assigneeId });
}

function escalate(state: TicketLifecycleState, command: TicketCommand): TicketDecision {
  if (state.escalationLevel >= MAX_ESCALATION_LEVEL) {
    return reject(
      state,
      command,
      'ESCALATION_LIMIT_REACHED',
      `The ticket is already at the highest escalation level (${MAX_ESCALATION_LEVEL})`,
    );
  }
  return accept(state, { ...state, escalationLevel: (state.escalationLevel + 1) as EscalationLevel });
}

function accept(previous: TicketLifecycleState, next: TicketLifecycleState): TicketDecision {
  return {
    ok: true,
    next,
    changes: {
      fromStatus: previous.status,
      toStatus: next.status,
      statusChanged: previous.status !== next.status,
      firstResponse: previous.acknowledgedAt === null && next.acknowledgedAt !== null,
      slaClock: slaClockEffect(previous.status, next.status),
    },
  };
}

function reject(
  state: TicketLifecycleState,
  command: TicketCommand,
  code: TicketLifecycleErrorCode,
  message: string,
): TicketDecision {
  return { ok: false, error: { code, currentStatus: state.status, command: command.type, message } };
}

type ClockMode = 'RUNNING' | 'PAUSED' | 'STOPPED';

// RESOLVED/CLOSED stop the resolution clock like a pause, so a reopened ticket continues where it stopped
// instead of counting the days it sat resolved.
function clockMode(status: TicketStatus): ClockMode {
  if (status === 'PENDING_CUSTOMER') return 'PAUSED';
  return isOpen(status) ? 'RUNNING' : 'STOPPED';
}

/** How the SLA resolution clock follows a status change: it runs only in open, non-pending statuses. */
export function slaClockEffect(from: TicketStatus, to: TicketStatus): SlaClockEffect {
  const wasRunning = clockMode(from) === 'RUNNING';
  const isRunning = clockMode(to) === 'RUNNING';
  if (wasRunning === isRunning) return 'NONE';
  return isRunning ? 'RESUME' : 'PAUSE';
}

const DAY_MS = 24 * 60 * 60 * 1000;

function elapsedDays(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / DAY_MS;
}

function assertNever(value: never): never {
  throw new Error(`Unhandled ticket command: ${JSON.stringify(value)}`);
}
