import { decideAction, isOverdueUnreported, plannedAction, type CorrectiveAction } from './corrective-action.rules';

const T0 = new Date('2026-03-01T08:00:00Z');
const LATER = new Date('2026-03-05T08:00:00Z');
const OWNER = 'owner-1';
const VERIFIER = 'manager-1';

const action = (overrides: Partial<CorrectiveAction> = {}): CorrectiveAction => ({
  ...plannedAction({
    id: 'a1',
    ticketId: 't1',
    position: 1,
    description: 'Add the callback queue to the hand-over checklist',
    ownerId: OWNER,
    dueAt: new Date('2026-03-03T08:00:00Z'),
    createdAt: T0,
  }),
  ...overrides,
});

describe('decideAction', () => {
  it('OPEN → DONE with the evidence, → VERIFIED by someone else', () => {
    const done = decideAction(action(), { type: 'COMPLETE', evidence: 'Checklist v3', by: OWNER }, T0);
    expect(done).toMatchObject({ ok: true, next: { status: 'DONE', evidence: 'Checklist v3', doneAt: T0, doneBy: OWNER } });
    if (!done.ok) return;
    const verified = decideAction(done.next, { type: 'VERIFY', note: 'Seen in use', by: VERIFIER }, LATER);
    expect(verified).toMatchObject({
      ok: true,
      next: { status: 'VERIFIED', verifiedAt: LATER, verifiedBy: VERIFIER, verificationNote: 'Seen in use' },
    });
  });

  it('DONE → REJECTED, then reworked: DONE again with new evidence and the verdict cleared', () => {
    const rejected = decideAction(
      action({ status: 'DONE', evidence: 'Promised', doneBy: OWNER }),
      { type: 'REJECT', note: 'No evidence of use', by: VERIFIER },
      T0,
    );
    expect(rejected).toMatchObject({ ok: true, next: { status: 'REJECTED', verificationNote: 'No evidence of use' } });
    if (!rejected.ok) return;
    const redone = decideAction(rejected.next, { type: 'COMPLETE', evidence: 'Signed checklists', by: OWNER }, LATER);
    expect(redone).toMatchObject({
      ok: true,
      next: { status: 'DONE', evidence: 'Signed checklists', verifiedAt: null, verifiedBy: null, verificationNote: null },
    });
  });

  it('the owner cannot verify or reject their own action', () => {
    for (const type of ['VERIFY', 'REJECT'] as const) {
      expect(decideAction(action({ status: 'DONE' }), { type, note: 'Fine', by: OWNER }, T0)).toMatchObject({
        ok: false,
        code: 'VERIFIER_IS_OWNER',
      });
    }
  });

  it.each([
    ['OPEN', 'VERIFY'],
    ['OPEN', 'REJECT'],
    ['DONE', 'COMPLETE'],
    ['VERIFIED', 'COMPLETE'],
    ['VERIFIED', 'VERIFY'],
    ['VERIFIED', 'REJECT'],
    ['REJECTED', 'VERIFY'],
    ['REJECTED', 'REJECT'],
  ] as const)('refuses %s → %s', (status, type) => {
    const command =
      type === 'COMPLETE' ? { type, evidence: 'x', by: OWNER } : { type, note: 'x', by: VERIFIER };
    const decision = decideAction(action({ status }), command, T0);
    expect(decision).toEqual({
      ok: false,
      code: 'INVALID_TRANSITION',
      message: `Corrective action #1 is ${status}: ${type} is not allowed`,
    });
  });
});

describe('isOverdueUnreported', () => {
  const due = new Date('2026-03-03T08:00:00Z');
  it('is true for an unfinished action from its due date on, until reported for that due date', () => {
    expect(isOverdueUnreported(action({ dueAt: due }), new Date(due.getTime() - 1))).toBe(false);
    expect(isOverdueUnreported(action({ dueAt: due }), due)).toBe(true);
    expect(isOverdueUnreported(action({ dueAt: due, status: 'REJECTED' }), LATER)).toBe(true);
    expect(isOverdueUnreported(action({ dueAt: due, overdueReportedFor: due }), LATER)).toBe(false);
    // A new due date (re-planned) is reported again once it passes.
    expect(isOverdueUnreported(action({ dueAt: LATER, overdueReportedFor: due }), LATER)).toBe(true);
  });

  it('is false once the owner has done the action', () => {
    for (const status of ['DONE', 'VERIFIED'] as const) {
      expect(isOverdueUnreported(action({ dueAt: due, status }), LATER)).toBe(false);
    }
  });
});
