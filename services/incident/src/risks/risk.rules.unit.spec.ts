import {
  checkAssessment,
  isReviewOverdue,
  likelihoodSuggestion,
  observedLikelihood,
  riskLevel,
  riskScore,
} from './risk.rules';

describe('scoring', () => {
  it('multiplies likelihood by impact', () => {
    expect(riskScore(3, 4)).toBe(12);
    expect(riskScore(1, 1)).toBe(1);
    expect(riskScore(5, 5)).toBe(25);
  });

  it.each([
    [1, 'LOW'],
    [4, 'LOW'],
    [5, 'MEDIUM'],
    [9, 'MEDIUM'],
    [10, 'HIGH'],
    [16, 'HIGH'],
    [20, 'CRITICAL'],
    [25, 'CRITICAL'],
  ])('score %i is %s', (score, level) => expect(riskLevel(score)).toBe(level));

  it('every product of two ratings has a level', () => {
    for (let l = 1; l <= 5; l++) for (let i = 1; i <= 5; i++) expect(riskLevel(riskScore(l, i))).toBeTruthy();
  });

  it.each([
    [{ likelihood: 0, impact: 3, residualScore: null }, 'input.likelihood'],
    [{ likelihood: 3, impact: 6, residualScore: null }, 'input.impact'],
    [{ likelihood: 2, impact: 2, residualScore: 5 }, 'input.residualScore'],
    [{ likelihood: 2, impact: 2, residualScore: 0 }, 'input.residualScore'],
  ])('refuses %p naming %s', (risk, field) => {
    expect(() => checkAssessment(risk)).toThrow(expect.objectContaining({ details: { field } }));
  });

  it('accepts a residual score up to the score', () => {
    expect(() => checkAssessment({ likelihood: 2, impact: 2, residualScore: 4 })).not.toThrow();
  });

  it('finds overdue reviews by day', () => {
    expect(isReviewOverdue({ nextReviewOn: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isReviewOverdue({ nextReviewOn: '2026-03-02' }, '2026-03-02')).toBe(false);
  });
});

describe('risks learn from reality', () => {
  it.each([
    [0, 1],
    [1, 2],
    [2, 3],
    [3, 3],
    [4, 4],
    [11, 4],
    [12, 5],
    [40, 5],
  ])('%i incidents a year → observed likelihood %i', (count, likelihood) => {
    expect(observedLikelihood(count)).toBe(likelihood);
  });

  it('suggests raising whenever reality is worse', () => {
    expect(likelihoodSuggestion(2, 5)).toEqual({
      likelihood: 4,
      direction: 'RAISE',
      reason: '5 incidents in the last 365 days suggest likelihood 4, not 2',
    });
  });

  it('suggests lowering only when reality is two steps better', () => {
    expect(likelihoodSuggestion(2, 0)).toBeNull();
    expect(likelihoodSuggestion(3, 1)).toBeNull();
    expect(likelihoodSuggestion(4, 1)).toMatchObject({ likelihood: 3, direction: 'LOWER' });
  });

  it('is silent when they agree', () => {
    expect(likelihoodSuggestion(3, 2)).toBeNull();
  });
});

describe('risk limits and reasons', () => {
  const refusal = (risk: Parameters<typeof checkAssessment>[0]) => {
    try {
      checkAssessment(risk);
    } catch (error) {
      return (error as Error).message;
    }
    return null;
  };

  it('is CRITICAL from a score of 17', () => {
    expect([riskLevel(16), riskLevel(17)]).toEqual(['HIGH', 'CRITICAL']);
  });

  it('takes ratings 1 and 5 and a residual score from 1 to the score, and says why otherwise', () => {
    expect(refusal({ likelihood: 1, impact: 5, residualScore: 1 })).toBeNull();
    expect(refusal({ likelihood: 5, impact: 1, residualScore: 5 })).toBeNull();
    expect(refusal({ likelihood: 0, impact: 3, residualScore: null })).toBe('likelihood must be 1 to 5');
    expect(refusal({ likelihood: 3, impact: 6, residualScore: null })).toBe('impact must be 1 to 5');
    expect(refusal({ likelihood: 2, impact: 3, residualScore: 0 })).toBe(
      "The residual score must be 1 to the risk's score (6): mitigation does not make a risk worse",
    );
    expect(refusal({ likelihood: 2, impact: 3, residualScore: 7 })).toContain('(6)');
  });

  it('explains a suggestion with the incidents counted', () => {
    expect(likelihoodSuggestion(1, 1)?.reason).toBe(
      '1 incident in the last 365 days suggest likelihood 2, not 1',
    );
    expect(likelihoodSuggestion(5, 0)?.reason).toBe(
      'Only 0 incidents in the last 365 days: likelihood 5 may be too high',
    );
  });
});
