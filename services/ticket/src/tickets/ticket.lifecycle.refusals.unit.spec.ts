import {
  decide,
  newTicketLifecycleState,
  slaClockEffect,
  type TicketCommand,
  type TicketLifecycleState,
} from './ticket.lifecycle';

// Each refusal tells the agent what to do next: the code drives the GraphQL error, the message is shown as is.
const NOW = new Date('2025-03-05T14:30:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;
const DESK = 'desk';
const ago = (days: number) => new Date(NOW.getTime() - days * DAY_MS);

function refusal(state: TicketLifecycleState, command: TicketCommand) {
  const decision = decide(state, command, NOW);
  if (decision.ok) throw new Error(`expected ${command.type} to be refused`);
  return { code: decision.error.code, message: decision.error.message };
}

const assigned: TicketLifecycleState = {
  ...newTicketLifecycleState(DESK),
  status: 'ASSIGNED',
  assigneeId: 'agent-1',
  acknowledgedAt: ago(1),
};
const resolved: TicketLifecycleState = { ...assigned, status: 'RESOLVED', resolvedAt: ago(1) };

describe('refusals name the rule that stopped the command', () => {
  it('an assignment needs a lead department', () => {
    expect(refusal(newTicketLifecycleState(null), { type: 'ASSIGN', assigneeId: 'agent-1' })).toEqual({
      code: 'DEPARTMENT_REQUIRED',
      message: 'An assignment needs a lead department',
    });
  });

  it('assigning to the same assignee and department changes nothing', () => {
    expect(refusal(assigned, { type: 'ASSIGN', assigneeId: 'agent-1' })).toEqual({
      code: 'NO_CHANGE',
      message: 'The ticket is already assigned to this assignee and department',
    });
  });

  it('work starts only on an assigned ticket', () => {
    const reopenedUnassigned: TicketLifecycleState = { ...assigned, status: 'REOPENED', assigneeId: null };
    expect(refusal(reopenedUnassigned, { type: 'START_WORK' })).toEqual({
      code: 'ASSIGNEE_REQUIRED',
      message: 'Assign the ticket before starting work on it',
    });
  });

  it('only merging duplicates closes a ticket as MERGED, never a manual close', () => {
    expect(refusal(resolved, { type: 'CLOSE', reason: 'MERGED' })).toEqual({
      code: 'INVALID_TRANSITION',
      message: 'Only merging duplicates closes a ticket as MERGED',
    });
  });

  it('auto-close says how many days after resolution it is allowed', () => {
    expect(refusal(resolved, { type: 'CLOSE', reason: 'AUTO_CLOSED' })).toEqual({
      code: 'AUTO_CLOSE_NOT_DUE',
      message: 'Auto-close is allowed 7 days after resolution',
    });
  });

  it('a merged ticket stays closed: the survivor is the one to reopen', () => {
    const merged: TicketLifecycleState = {
      ...resolved,
      status: 'CLOSED',
      closedAt: ago(1),
      closeReason: 'MERGED',
    };
    expect(refusal(merged, { type: 'REOPEN' })).toEqual({
      code: 'INVALID_TRANSITION',
      message: 'A merged ticket stays closed: reopen the ticket it was merged into',
    });
  });

  it('the reopen window is stated in days', () => {
    const closedLongAgo: TicketLifecycleState = {
      ...resolved,
      status: 'CLOSED',
      closedAt: ago(31),
      closeReason: 'AGENT',
    };
    expect(refusal(closedLongAgo, { type: 'REOPEN' })).toEqual({
      code: 'REOPEN_WINDOW_EXPIRED',
      message: 'A closed ticket can be reopened only within 30 days of closing',
    });
  });

  it('the reopen window applies to closed tickets only: a resolved ticket reopens whatever its history', () => {
    const resolvedAfterOldClose: TicketLifecycleState = { ...resolved, closedAt: ago(90) };
    expect(decide(resolvedAfterOldClose, { type: 'REOPEN' }, NOW).ok).toBe(true);
  });

  it('a transfer to the same department points to ASSIGN', () => {
    expect(refusal(assigned, { type: 'TRANSFER', departmentId: DESK })).toEqual({
      code: 'NO_CHANGE',
      message: 'Use ASSIGN to re-assign within the same department',
    });
  });

  it('escalation says the highest level', () => {
    expect(refusal({ ...assigned, escalationLevel: 3 }, { type: 'ESCALATE' })).toEqual({
      code: 'ESCALATION_LIMIT_REACHED',
      message: 'The ticket is already at the highest escalation level (3)',
    });
  });
});

describe('waiting for the customer pauses the resolution clock', () => {
  it('pauses on PENDING_CUSTOMER and resumes when the customer answers', () => {
    expect(slaClockEffect('IN_PROGRESS', 'PENDING_CUSTOMER')).toBe('PAUSE');
    expect(slaClockEffect('PENDING_CUSTOMER', 'IN_PROGRESS')).toBe('RESUME');
    expect(slaClockEffect('PENDING_CUSTOMER', 'RESOLVED')).toBe('NONE');
  });
});
