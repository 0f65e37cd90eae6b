import { AWARD_STATUSES, canDecideAward, isAwardPeriod } from './award.rules';

describe('awards', () => {
  it('decides only a nomination', () => {
    expect(AWARD_STATUSES.filter(canDecideAward)).toEqual(['NOMINATED']);
  });
  it.each([
    ['2025', true],
    ['2025-Q2', true],
    ['2025-03', true],
    ['2025-13', false],
    ['2025-Q5', false],
    ['25', false],
  ])('period %s → %s', (period, ok) => {
    expect(isAwardPeriod(period)).toBe(ok);
  });
});
