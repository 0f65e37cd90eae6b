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
    ['2025-00', false],
    ['2025-10', true],
    ['2025-12', true],
    ['2025-Q0', false],
    ['2025-Q1', true],
    ['2025-Q4', true],
    ['2025-3', false],
    ['FY2025', false],
    ['12025', false],
    ['2025-03x', false],
    ['2025-', false],
  ])('period %s → %s', (period, ok) => {
    expect(isAwardPeriod(period)).toBe(ok);
  });
});
