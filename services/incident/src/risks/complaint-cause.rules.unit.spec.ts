import { causeKey, complaintLikelihood, complaintRiskSuggestion } from './complaint-cause.rules';

const cause = {
  rootCause: ' Late  technicians ',
  category: 'ON_SITE',
  count: 3,
  windowDays: 30,
  ticketIds: ['t1'],
};

describe('complaints feed risks', () => {
  it('reads a cause the same whatever its case and spacing', () => {
    expect(causeKey(' Late  Technicians ')).toBe(causeKey('late technicians'));
  });

  it.each([
    [{ count: 1, windowDays: 365 }, 2],
    [{ count: 3, windowDays: 365 }, 3],
    [{ count: 3, windowDays: 30 }, 5],
    [{ count: 2, windowDays: 90 }, 4],
  ])('%p is likelihood %i', (window, likelihood) => expect(complaintLikelihood(window)).toBe(likelihood));

  it('suggests registering a complaint-escalation risk when there is none', () => {
    expect(complaintRiskSuggestion(cause, [{ id: 'r1', category: 'DATA_BREACH', likelihood: 1 }])).toEqual({
      action: 'REGISTER',
      riskId: null,
      likelihood: 5,
      reason: '"Late technicians" caused 3 complaints in 30 days: register a complaint-escalation risk',
    });
  });

  it('suggests raising the likeliest registered one, or nothing when it already expects as much', () => {
    const risks = [
      { id: 'low', category: 'COMPLAINT_ESCALATION' as const, likelihood: 2 },
      { id: 'high', category: 'COMPLAINT_ESCALATION' as const, likelihood: 3 },
    ];
    expect(complaintRiskSuggestion(cause, risks)).toMatchObject({
      action: 'REASSESS',
      riskId: 'high',
      likelihood: 5,
    });
    expect(complaintRiskSuggestion({ ...cause, count: 1, windowDays: 365 }, risks)).toBeNull();
  });
});

describe('complaint causes in detail', () => {
  it('keys a cause by its words, whatever the case and spacing', () => {
    expect(causeKey('  Late   ANSWER ')).toBe('late answer');
  });

  it('suggests nothing when the register already expects that likelihood, and explains a reassessment', () => {
    const cause = { rootCause: ' late  answer ', category: null, count: 4, windowDays: 365, ticketIds: [] };
    const likelihood = complaintLikelihood(cause);
    expect(likelihood).toBe(4);
    expect(
      complaintRiskSuggestion(cause, [{ id: 'r1', category: 'COMPLAINT_ESCALATION', likelihood }]),
    ).toBeNull();
    expect(
      complaintRiskSuggestion(cause, [{ id: 'r1', category: 'COMPLAINT_ESCALATION', likelihood: 3 }]),
    ).toEqual({
      action: 'REASSESS',
      riskId: 'r1',
      likelihood: 4,
      reason: '"late answer" caused 4 complaints in 365 days: likelihood 4, not 3',
    });
  });
});
