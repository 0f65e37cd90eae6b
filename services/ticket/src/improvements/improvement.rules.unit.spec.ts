import {
  implement,
  isEffective,
  isOverdueUnreported,
  raise,
  revise,
  verify,
  type NewImprovement,
} from './improvement.rules';

const T0 = new Date('2026-03-01T00:00:00Z');
const LATER = new Date('2026-04-15T00:00:00Z');
const input: NewImprovement = {
  title: 'Call-back queue in the hand-over',
  description: 'Complaints about missed call-backs recur',
  source: 'COMPLAINT',
  sourceTicketId: 't1',
  finding: null,
  ownerId: 'e1',
  deadline: new Date('2026-04-01T00:00:00Z'),
  effect: { kpi: 'Complaints per 100 tickets', direction: 'DECREASE', baseline: 2.4, target: 1 },
};
const raised = () => {
  const outcome = raise('i1', input, T0);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
};

describe('raise', () => {
  it('opens the improvement with its expected effect', () => {
    expect(raised()).toMatchObject({
      id: 'i1',
      version: 1,
      status: 'OPEN',
      effect: input.effect,
      createdAt: T0,
    });
  });

  it.each([
    [{ sourceTicketId: null }, 'input.sourceTicketId'],
    [{ source: 'FINDING' as const, sourceTicketId: null }, 'input.finding'],
    [{ deadline: T0 }, 'input.deadline'],
    [{ effect: { ...input.effect, target: 3 } }, 'input.effect.target'],
    [{ effect: { ...input.effect, direction: 'INCREASE' as const } }, 'input.effect.target'],
  ])('refuses %o naming %s', (change, field) => {
    expect(raise('i1', { ...input, ...change }, T0)).toMatchObject({ ok: false, field });
  });
});

describe('verification of the effect', () => {
  it('is effective when the figure after reaches the target in the expected direction', () => {
    expect(isEffective(input.effect, 1)).toBe(true);
    expect(isEffective(input.effect, 0.4)).toBe(true);
    expect(isEffective(input.effect, 1.2)).toBe(false);
    const up = { kpi: 'First-call resolution %', direction: 'INCREASE' as const, baseline: 60, target: 75 };
    expect(isEffective(up, 75)).toBe(true);
    expect(isEffective(up, 74.9)).toBe(false);
  });

  it('goes OPEN → IMPLEMENTED → EFFECTIVE, or INEFFECTIVE and revised to OPEN with a new deadline', () => {
    const implemented = implement(raised(), 'Checklist v3 in use', T0);
    if (!implemented.ok) throw new Error(implemented.message);
    expect(implemented.value.status).toBe('IMPLEMENTED');
    expect(verify(implemented.value, 0.8, 'March figures', LATER)).toMatchObject({
      ok: true,
      value: { status: 'EFFECTIVE', measured: 0.8 },
    });
    const ineffective = verify(implemented.value, 2.1, 'March figures', LATER);
    if (!ineffective.ok) throw new Error(ineffective.message);
    expect(ineffective.value.status).toBe('INEFFECTIVE');
    const deadline = new Date('2026-06-01T00:00:00Z');
    expect(revise(ineffective.value, { deadline, target: 1.5 }, LATER)).toMatchObject({
      ok: true,
      value: { status: 'OPEN', deadline, effect: { target: 1.5 }, measured: null, implementedAt: null },
    });
  });

  it('refuses steps out of order as state errors', () => {
    expect(verify(raised(), 1, 'x', T0)).toMatchObject({ ok: false, state: true });
    expect(revise(raised(), { deadline: LATER }, T0)).toMatchObject({ ok: false, state: true });
    const implemented = implement(raised(), 'x', T0);
    expect(implemented.ok && implement(implemented.value, 'x', T0)).toMatchObject({ ok: false, state: true });
  });
});

describe('isOverdueUnreported', () => {
  it('is true for an open improvement past its deadline, once per deadline', () => {
    const open = raised();
    expect(isOverdueUnreported(open, T0)).toBe(false);
    expect(isOverdueUnreported(open, LATER)).toBe(true);
    expect(isOverdueUnreported({ ...open, overdueReportedFor: open.deadline }, LATER)).toBe(false);
    expect(isOverdueUnreported({ ...open, status: 'IMPLEMENTED' }, LATER)).toBe(false);
  });
});

describe('improvement refusals in detail', () => {
  it('explains each refusal and refuses a target equal to the baseline', () => {
    expect(raise('i1', { ...input, sourceTicketId: null }, T0)).toEqual({
      ok: false,
      field: 'input.sourceTicketId',
      message: 'An improvement from a COMPLAINT names the ticket',
    });
    expect(raise('i1', { ...input, source: 'FINDING', sourceTicketId: null }, T0)).toEqual({
      ok: false,
      field: 'input.finding',
      message: 'An improvement from a quality finding names the finding',
    });
    expect(
      raise('i1', { ...input, source: 'FINDING', sourceTicketId: null, finding: 'Queue unwatched' }, T0),
    ).toMatchObject({ ok: true });
    expect(raise('i1', { ...input, deadline: T0 }, T0)).toEqual({
      ok: false,
      field: 'input.deadline',
      message: 'The deadline must lie ahead',
    });
    for (const direction of ['INCREASE', 'DECREASE'] as const) {
      expect(
        raise('i1', { ...input, effect: { ...input.effect, direction, target: input.effect.baseline } }, T0),
      ).toEqual({
        ok: false,
        field: 'input.effect.target',
        message: `An improvement to ${direction} Complaints per 100 tickets needs a target beyond the baseline`,
      });
    }
    expect(
      raise('i1', { ...input, effect: { ...input.effect, direction: 'INCREASE', target: 3 } }, T0),
    ).toMatchObject({ ok: true });
  });

  it('refuses steps out of order as a state problem, naming the status', () => {
    const open = raised();
    expect(verify(open, 1, 'n', LATER)).toEqual({
      ok: false,
      field: 'input.improvementId',
      message: 'A OPEN improvement cannot be verified',
      state: true,
    });
    expect(revise(open, { deadline: LATER }, T0)).toMatchObject({
      message: 'A OPEN improvement cannot be revised',
      state: true,
    });
    const implemented = implement(open, 'done', T0);
    if (!implemented.ok) throw new Error(implemented.message);
    expect(implement(implemented.value, 'again', T0)).toMatchObject({
      message: 'A IMPLEMENTED improvement cannot be implemented',
      state: true,
    });
    expect(verify(implemented.value, Number.NaN, 'n', LATER)).toEqual({
      ok: false,
      field: 'input.measured',
      message: 'The measured figure must be a number',
    });
    const ineffective = verify(implemented.value, 2, 'n', LATER);
    if (!ineffective.ok) throw new Error(ineffective.message);
    expect(revise(ineffective.value, { deadline: T0 }, LATER)).toEqual({
      ok: false,
      field: 'input.deadline',
      message: 'The deadline must lie ahead',
    });
    expect(
      revise(ineffective.value, { deadline: new Date('2026-06-01T00:00:00Z'), target: 2.4 }, LATER),
    ).toEqual({
      ok: false,
      field: 'input.target',
      message: 'An improvement to DECREASE Complaints per 100 tickets needs a target beyond the baseline',
    });
  });
});
