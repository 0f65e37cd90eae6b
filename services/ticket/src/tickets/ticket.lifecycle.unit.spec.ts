import {
  allowedCommands,
  decide,
  isOpen,
  newTicketLifecycleState,
  slaClockEffect,
  TICKET_COMMAND_TYPES,
  TICKET_STATUSES,
  type TicketCommand,
  type TicketCommandType,
  type TicketDecision,
  type TicketLifecycleState,
  type TicketStatus,
} from './ticket.lifecycle';

const T0 = new Date('2025-03-03T09:00:00.000Z');
const NOW = new Date('2025-03-05T14:30:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

// The specification, written independently of the implementation's table.
const EXPECTED_ALLOWED: Record<TicketStatus, TicketCommandType[]> = {
  NEW: ['ACKNOWLEDGE', 'ASSIGN', 'ESCALATE'],
  ACKNOWLEDGED: ['ASSIGN', 'TRANSFER', 'ESCALATE'],
  ASSIGNED: ['ASSIGN', 'START_WORK', 'RESOLVE', 'TRANSFER', 'ESCALATE'],
  IN_PROGRESS: ['ASSIGN', 'AWAIT_CUSTOMER', 'RESOLVE', 'TRANSFER', 'ESCALATE'],
  PENDING_CUSTOMER: ['ASSIGN', 'CUSTOMER_RESPONDED', 'RESOLVE', 'TRANSFER', 'ESCALATE'],
  RESOLVED: ['CLOSE', 'REOPEN'],
  CLOSED: ['REOPEN'],
  REOPENED: ['ASSIGN', 'START_WORK', 'TRANSFER', 'ESCALATE'],
};

/** A typical, consistent state for each status. */
function stateIn(status: TicketStatus, overrides: Partial<TicketLifecycleState> = {}): TicketLifecycleState {
  const acknowledged = { ...newTicketLifecycleState('dept-cs'), acknowledgedAt: T0 };
  const assigned = { ...acknowledged, assigneeId: 'agent-1' };
  const resolvedAt = at(NOW, -DAY_MS);
  const byStatus: Record<TicketStatus, TicketLifecycleState> = {
    NEW: newTicketLifecycleState('dept-cs'),
    ACKNOWLEDGED: { ...acknowledged, status: 'ACKNOWLEDGED' },
    ASSIGNED: { ...assigned, status: 'ASSIGNED' },
    IN_PROGRESS: { ...assigned, status: 'IN_PROGRESS' },
    PENDING_CUSTOMER: { ...assigned, status: 'PENDING_CUSTOMER' },
    RESOLVED: { ...assigned, status: 'RESOLVED', resolvedAt },
    CLOSED: { ...assigned, status: 'CLOSED', resolvedAt, closedAt: resolvedAt, closeReason: 'AGENT' },
    REOPENED: { ...assigned, status: 'REOPENED', reopenCount: 1 },
  };
  return { ...byStatus[status], ...overrides };
}

const SAMPLE_COMMANDS: Record<TicketCommandType, TicketCommand> = {
  ACKNOWLEDGE: { type: 'ACKNOWLEDGE' },
  ASSIGN: { type: 'ASSIGN', assigneeId: 'agent-2' },
  START_WORK: { type: 'START_WORK' },
  AWAIT_CUSTOMER: { type: 'AWAIT_CUSTOMER' },
  CUSTOMER_RESPONDED: { type: 'CUSTOMER_RESPONDED' },
  RESOLVE: { type: 'RESOLVE' },
  CLOSE: { type: 'CLOSE', reason: 'CUSTOMER_CONFIRMED' },
  REOPEN: { type: 'REOPEN' },
  TRANSFER: { type: 'TRANSFER', departmentId: 'dept-tech', assigneeId: 'tech-1' },
  ESCALATE: { type: 'ESCALATE' },
};

function accepted(decision: TicketDecision) {
  if (!decision.ok)
    throw new Error(`expected success, got ${decision.error.code}: ${decision.error.message}`);
  return decision;
}

function rejected(decision: TicketDecision) {
  if (decision.ok) throw new Error(`expected a rejection, got ${decision.next.status}`);
  return decision.error;
}

/** Decides `command` in `from`, expecting it accepted with the status moved to `to` and nothing else changed. */
function moved(from: TicketStatus, command: TicketCommand, to: TicketStatus) {
  const decision = accepted(decide(stateIn(from), command, NOW));
  expect(decision.next).toEqual({ ...stateIn(from), status: to });
  return decision;
}

const pairs = TICKET_STATUSES.flatMap((status) =>
  TICKET_COMMAND_TYPES.map((command) => ({
    status,
    command,
    legal: EXPECTED_ALLOWED[status].includes(command),
  })),
);
const legalPairs = pairs.filter((pair) => pair.legal);
const illegalPairs = pairs.filter((pair) => !pair.legal);

describe('allowedCommands', () => {
  it.each(TICKET_STATUSES)('lists exactly the specified commands for %s', (status) => {
    expect(allowedCommands(status)).toEqual(EXPECTED_ALLOWED[status]);
  });
});

describe('decide: the transition matrix', () => {
  it('covers all 80 (status, command) pairs', () => {
    expect(legalPairs.length + illegalPairs.length).toBe(80);
    expect(legalPairs).toHaveLength(28);
  });

  it.each(illegalPairs)('rejects $command while $status as INVALID_TRANSITION', ({ status, command }) => {
    const error = rejected(decide(stateIn(status), SAMPLE_COMMANDS[command], NOW));
    expect(error).toEqual({
      code: 'INVALID_TRANSITION',
      currentStatus: status,
      command,
      message: `${command} is not allowed while the ticket is ${status}`,
    });
  });

  it.each(legalPairs)('accepts $command while $status', ({ status, command }) => {
    const decision = accepted(decide(stateIn(status), SAMPLE_COMMANDS[command], NOW));
    expect(decision.changes.fromStatus).toBe(status);
    expect(decision.changes.toStatus).toBe(decision.next.status);
  });

  it.each(legalPairs)('does not mutate the state given ($command while $status)', ({ status, command }) => {
    const state = Object.freeze(stateIn(status));
    const snapshot = { ...state };
    decide(state, SAMPLE_COMMANDS[command], NOW);
    expect(state).toEqual(snapshot);
  });
});

describe('ACKNOWLEDGE', () => {
  it('moves NEW to ACKNOWLEDGED and records the first response', () => {
    const decision = accepted(decide(stateIn('NEW'), { type: 'ACKNOWLEDGE' }, NOW));
    expect(decision.next).toEqual({ ...stateIn('NEW'), status: 'ACKNOWLEDGED', acknowledgedAt: NOW });
    expect(decision.changes).toEqual({
      fromStatus: 'NEW',
      toStatus: 'ACKNOWLEDGED',
      statusChanged: true,
      firstResponse: true,
      slaClock: 'NONE',
    });
  });
});

describe('ASSIGN', () => {
  // [case, status before, assignment, what the ticket becomes]
  it.each([
    [
      'assigns a NEW ticket',
      'NEW',
      { assigneeId: 'agent-2', departmentId: 'dept-tech' },
      { status: 'ASSIGNED', assigneeId: 'agent-2', departmentId: 'dept-tech' },
    ],
    [
      'keeps the current department when none is given',
      'ACKNOWLEDGED',
      { assigneeId: 'agent-2' },
      { status: 'ASSIGNED', assigneeId: 'agent-2', departmentId: 'dept-cs' },
    ],
    [
      'moves a REOPENED ticket to ASSIGNED, even to the same assignee',
      'REOPENED',
      { assigneeId: 'agent-1' },
      { status: 'ASSIGNED', assigneeId: 'agent-1' },
    ],
    [
      're-assigns to the same assignee in another department',
      'IN_PROGRESS',
      { assigneeId: 'agent-1', departmentId: 'dept-tech' },
      { status: 'IN_PROGRESS', assigneeId: 'agent-1', departmentId: 'dept-tech' },
    ],
  ] as const)('%s', (_case, status, assignment, expected) => {
    const decision = accepted(decide(stateIn(status), { type: 'ASSIGN', ...assignment }, NOW));
    expect(decision.next).toMatchObject(expected);
  });

  it('counts assigning a NEW ticket as the first response', () => {
    const command: TicketCommand = { type: 'ASSIGN', assigneeId: 'agent-2', departmentId: 'dept-tech' };
    const decision = accepted(decide(stateIn('NEW'), command, NOW));
    expect(decision.next.acknowledgedAt).toEqual(NOW);
    expect(decision.changes.firstResponse).toBe(true);
  });

  it('does not move the first response of an ACKNOWLEDGED ticket', () => {
    const decision = accepted(
      decide(stateIn('ACKNOWLEDGED'), { type: 'ASSIGN', assigneeId: 'agent-2' }, NOW),
    );
    expect(decision.next.acknowledgedAt).toEqual(T0);
    expect(decision.changes.firstResponse).toBe(false);
  });

  it('requires a lead department', () => {
    const state = stateIn('NEW', { departmentId: null });
    const error = rejected(decide(state, { type: 'ASSIGN', assigneeId: 'agent-2' }, NOW));
    expect(error).toMatchObject({ code: 'DEPARTMENT_REQUIRED', currentStatus: 'NEW', command: 'ASSIGN' });
  });

  it.each(['ASSIGNED', 'IN_PROGRESS', 'PENDING_CUSTOMER'] as const)(
    're-assigns while %s without changing the status or the SLA clock',
    (status) => {
      const decision = accepted(decide(stateIn(status), { type: 'ASSIGN', assigneeId: 'agent-2' }, NOW));
      expect(decision.next).toEqual({ ...stateIn(status), assigneeId: 'agent-2' });
      expect(decision.changes).toMatchObject({
        statusChanged: false,
        firstResponse: false,
        slaClock: 'NONE',
      });
    },
  );

  it.each(['ASSIGNED', 'IN_PROGRESS', 'PENDING_CUSTOMER'] as const)(
    'rejects re-assigning to the current assignee and department while %s as NO_CHANGE',
    (status) => {
      const command: TicketCommand = { type: 'ASSIGN', assigneeId: 'agent-1', departmentId: 'dept-cs' };
      expect(rejected(decide(stateIn(status), command, NOW))).toMatchObject({
        code: 'NO_CHANGE',
        currentStatus: status,
      });
    },
  );
});

describe('START_WORK', () => {
  it('moves ASSIGNED to IN_PROGRESS', () => {
    const decision = moved('ASSIGNED', { type: 'START_WORK' }, 'IN_PROGRESS');
    expect(decision.changes.slaClock).toBe('NONE');
  });

  it('moves a REOPENED ticket that still has its assignee to IN_PROGRESS', () => {
    moved('REOPENED', { type: 'START_WORK' }, 'IN_PROGRESS');
  });

  it('rejects a REOPENED ticket without an assignee as ASSIGNEE_REQUIRED', () => {
    const state = stateIn('REOPENED', { assigneeId: null });
    expect(rejected(decide(state, { type: 'START_WORK' }, NOW))).toMatchObject({
      code: 'ASSIGNEE_REQUIRED',
      currentStatus: 'REOPENED',
      command: 'START_WORK',
    });
  });
});

describe('waiting for the customer', () => {
  it('AWAIT_CUSTOMER moves IN_PROGRESS to PENDING_CUSTOMER and pauses the SLA clock', () => {
    const decision = moved('IN_PROGRESS', { type: 'AWAIT_CUSTOMER' }, 'PENDING_CUSTOMER');
    expect(decision.changes.slaClock).toBe('PAUSE');
  });

  it('CUSTOMER_RESPONDED moves PENDING_CUSTOMER back to IN_PROGRESS and resumes the SLA clock', () => {
    const decision = moved('PENDING_CUSTOMER', { type: 'CUSTOMER_RESPONDED' }, 'IN_PROGRESS');
    expect(decision.changes.slaClock).toBe('RESUME');
  });
});

describe('RESOLVE', () => {
  it.each([
    ['ASSIGNED', 'PAUSE'],
    ['IN_PROGRESS', 'PAUSE'],
    ['PENDING_CUSTOMER', 'NONE'],
  ] as const)('resolves from %s, stamping resolvedAt (SLA clock: %s)', (status, slaClock) => {
    const decision = accepted(decide(stateIn(status), { type: 'RESOLVE' }, NOW));
    expect(decision.next).toEqual({ ...stateIn(status), status: 'RESOLVED', resolvedAt: NOW });
    expect(decision.changes.slaClock).toBe(slaClock);
  });
});

describe('CLOSE', () => {
  it.each(['CUSTOMER_CONFIRMED', 'AGENT'] as const)('closes a RESOLVED ticket at once when %s', (reason) => {
    const decision = accepted(decide(stateIn('RESOLVED'), { type: 'CLOSE', reason }, NOW));
    expect(decision.next).toEqual({
      ...stateIn('RESOLVED'),
      status: 'CLOSED',
      closedAt: NOW,
      closeReason: reason,
    });
    expect(decision.changes.slaClock).toBe('NONE');
  });

  const resolvedAt = T0;
  const resolved = stateIn('RESOLVED', { resolvedAt });

  it('rejects AUTO_CLOSED before 7 days have passed since resolution', () => {
    const error = rejected(
      decide(resolved, { type: 'CLOSE', reason: 'AUTO_CLOSED' }, at(T0, 7 * DAY_MS - 1)),
    );
    expect(error).toMatchObject({ code: 'AUTO_CLOSE_NOT_DUE', currentStatus: 'RESOLVED', command: 'CLOSE' });
  });

  it('accepts AUTO_CLOSED exactly 7 days after resolution', () => {
    const closedAt = at(T0, 7 * DAY_MS);
    const decision = accepted(decide(resolved, { type: 'CLOSE', reason: 'AUTO_CLOSED' }, closedAt));
    expect(decision.next).toMatchObject({ status: 'CLOSED', closedAt, closeReason: 'AUTO_CLOSED' });
  });

  it('takes the auto-close delay from the policy', () => {
    const policy = { reopenWindowDays: 30, autoCloseAfterDays: 3 };
    const command: TicketCommand = { type: 'CLOSE', reason: 'AUTO_CLOSED' };
    expect(decide(resolved, command, at(T0, 3 * DAY_MS), policy).ok).toBe(true);
    expect(decide(resolved, command, at(T0, 3 * DAY_MS - 1), policy).ok).toBe(false);
  });
});

describe('REOPEN', () => {
  it('reopens a RESOLVED ticket, keeping assignee and first response, and resumes the SLA clock', () => {
    const decision = accepted(decide(stateIn('RESOLVED'), { type: 'REOPEN' }, NOW));
    expect(decision.next).toEqual({
      ...stateIn('RESOLVED'),
      status: 'REOPENED',
      resolvedAt: null,
      reopenCount: 1,
    });
    expect(decision.changes.slaClock).toBe('RESUME');
  });

  const closedAt = T0;
  const closed = stateIn('CLOSED', { closedAt, reopenCount: 2 });

  it('reopens a CLOSED ticket exactly at the end of the 30-day window', () => {
    const decision = accepted(decide(closed, { type: 'REOPEN' }, at(closedAt, 30 * DAY_MS)));
    expect(decision.next).toMatchObject({
      status: 'REOPENED',
      resolvedAt: null,
      closedAt: null,
      closeReason: null,
      reopenCount: 3,
      assigneeId: 'agent-1',
    });
    expect(decision.changes.slaClock).toBe('RESUME');
  });

  it('rejects a CLOSED ticket after the window as REOPEN_WINDOW_EXPIRED', () => {
    const error = rejected(decide(closed, { type: 'REOPEN' }, at(closedAt, 30 * DAY_MS + 1)));
    expect(error).toMatchObject({
      code: 'REOPEN_WINDOW_EXPIRED',
      currentStatus: 'CLOSED',
      command: 'REOPEN',
    });
  });

  it('applies no window to a RESOLVED ticket', () => {
    const resolved = stateIn('RESOLVED', { resolvedAt: T0 });
    expect(decide(resolved, { type: 'REOPEN' }, at(T0, 365 * DAY_MS)).ok).toBe(true);
  });

  it('takes the window from the policy', () => {
    const policy = { reopenWindowDays: 5, autoCloseAfterDays: 7 };
    expect(decide(closed, { type: 'REOPEN' }, at(closedAt, 5 * DAY_MS), policy).ok).toBe(true);
    expect(decide(closed, { type: 'REOPEN' }, at(closedAt, 5 * DAY_MS + 1), policy).ok).toBe(false);
  });
});

describe('TRANSFER', () => {
  const transferable = ['ACKNOWLEDGED', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_CUSTOMER', 'REOPENED'] as const;

  it.each(transferable)('with an assignee, moves %s to ASSIGNED in the new department', (status) => {
    const command: TicketCommand = { type: 'TRANSFER', departmentId: 'dept-tech', assigneeId: 'tech-1' };
    const decision = accepted(decide(stateIn(status), command, NOW));
    expect(decision.next).toEqual({
      ...stateIn(status),
      status: 'ASSIGNED',
      departmentId: 'dept-tech',
      assigneeId: 'tech-1',
    });
  });

  it.each(transferable)('without an assignee, leaves %s ACKNOWLEDGED in the new queue', (status) => {
    const decision = accepted(decide(stateIn(status), { type: 'TRANSFER', departmentId: 'dept-tech' }, NOW));
    expect(decision.next).toEqual({
      ...stateIn(status),
      status: 'ACKNOWLEDGED',
      departmentId: 'dept-tech',
      assigneeId: null,
    });
  });

  it('resumes the SLA clock when a PENDING_CUSTOMER ticket is transferred', () => {
    const command: TicketCommand = { type: 'TRANSFER', departmentId: 'dept-tech', assigneeId: null };
    const decision = accepted(decide(stateIn('PENDING_CUSTOMER'), command, NOW));
    expect(decision.changes.slaClock).toBe('RESUME');
  });

  it('rejects a transfer to the current department as NO_CHANGE', () => {
    const command: TicketCommand = { type: 'TRANSFER', departmentId: 'dept-cs', assigneeId: 'agent-2' };
    expect(rejected(decide(stateIn('IN_PROGRESS'), command, NOW))).toMatchObject({
      code: 'NO_CHANGE',
      currentStatus: 'IN_PROGRESS',
      command: 'TRANSFER',
    });
  });
});

describe('ESCALATE', () => {
  const openStatuses = TICKET_STATUSES.filter((status) => status !== 'RESOLVED' && status !== 'CLOSED');

  it.each(openStatuses)('raises the level while %s without changing the status', (status) => {
    const decision = accepted(decide(stateIn(status), { type: 'ESCALATE' }, NOW));
    expect(decision.next).toEqual({ ...stateIn(status), escalationLevel: 1 });
    expect(decision.changes).toMatchObject({ statusChanged: false, slaClock: 'NONE' });
  });

  it('is not a first response: escalating a NEW ticket leaves it unanswered', () => {
    const decision = accepted(decide(stateIn('NEW'), { type: 'ESCALATE' }, NOW));
    expect(decision.next.acknowledgedAt).toBeNull();
    expect(decision.changes.firstResponse).toBe(false);
    const answered = accepted(decide(decision.next, { type: 'ACKNOWLEDGE' }, NOW));
    expect(answered.changes.firstResponse).toBe(true);
  });

  it('climbs 0 → 1 → 2 → 3 and then refuses with ESCALATION_LIMIT_REACHED', () => {
    let state = stateIn('IN_PROGRESS');
    const levels: number[] = [];
    for (let step = 0; step < 3; step++) {
      state = accepted(decide(state, { type: 'ESCALATE' }, NOW)).next;
      levels.push(state.escalationLevel);
    }
    expect(levels).toEqual([1, 2, 3]);
    expect(rejected(decide(state, { type: 'ESCALATE' }, NOW))).toMatchObject({
      code: 'ESCALATION_LIMIT_REACHED',
      currentStatus: 'IN_PROGRESS',
      command: 'ESCALATE',
    });
  });
});

describe('isOpen', () => {
  it.each([
    ['NEW', true],
    ['ACKNOWLEDGED', true],
    ['ASSIGNED', true],
    ['IN_PROGRESS', true],
    ['PENDING_CUSTOMER', true],
    ['REOPENED', true],
    ['RESOLVED', false],
    ['CLOSED', false],
  ] as const)('%s → %s', (status, open) => {
    expect(isOpen(status)).toBe(open);
  });
});

describe('slaClockEffect', () => {
  it.each([
    ['IN_PROGRESS', 'PENDING_CUSTOMER', 'PAUSE'],
    ['IN_PROGRESS', 'RESOLVED', 'PAUSE'],
    ['PENDING_CUSTOMER', 'RESOLVED', 'NONE'],
    ['PENDING_CUSTOMER', 'ASSIGNED', 'RESUME'],
    ['RESOLVED', 'CLOSED', 'NONE'],
    ['CLOSED', 'REOPENED', 'RESUME'],
    ['NEW', 'ASSIGNED', 'NONE'],
  ] as const)('%s → %s: %s', (from, to, effect) => {
    expect(slaClockEffect(from, to)).toBe(effect);
  });
});

describe('a ticket from intake to reopening', () => {
  it('walks the main path, keeping first response and counting reopenings', () => {
    const steps: [TicketCommand, TicketStatus][] = [
      [{ type: 'ACKNOWLEDGE' }, 'ACKNOWLEDGED'],
      [{ type: 'ASSIGN', assigneeId: 'agent-1', departmentId: 'dept-cs' }, 'ASSIGNED'],
      [{ type: 'START_WORK' }, 'IN_PROGRESS'],
      [{ type: 'AWAIT_CUSTOMER' }, 'PENDING_CUSTOMER'],
      [{ type: 'CUSTOMER_RESPONDED' }, 'IN_PROGRESS'],
      [{ type: 'RESOLVE' }, 'RESOLVED'],
      [{ type: 'CLOSE', reason: 'CUSTOMER_CONFIRMED' }, 'CLOSED'],
      [{ type: 'REOPEN' }, 'REOPENED'],
      [{ type: 'START_WORK' }, 'IN_PROGRESS'],
    ];
    let state = newTicketLifecycleState();
    steps.forEach(([command, expected], index) => {
      state = accepted(decide(state, command, at(T0, index * 60_000))).next;
      expect(state.status).toBe(expected);
    });
    expect(state).toMatchObject({
      acknowledgedAt: T0,
      assigneeId: 'agent-1',
      reopenCount: 1,
      resolvedAt: null,
    });
  });
});
