import { BadUserInputError } from '@opsgraph/domain';
import { emptyCounters, kpiFigures } from '../engine/cell.rules';
import { attainment, checkTarget } from './target.rules';

describe('attainment', () => {
  // CSAT (5 + 4 + 4) / 3 = 4.33
  const figures = { ...kpiFigures(emptyCounters(), 0), csatAverage: 13 / 3, slaBreachRate: 0.05 };

  it('is attained when the figure is on the right side of the target (inclusive)', () => {
    expect(attainment({ kpi: 'csatAverage', comparator: 'AT_LEAST', target: 4.5 }, figures)).toEqual({
      kpi: 'csatAverage',
      comparator: 'AT_LEAST',
      target: 4.5,
      actual: 13 / 3,
      attained: false,
    });
    expect(attainment({ kpi: 'slaBreachRate', comparator: 'AT_MOST', target: 0.05 }, figures).attained).toBe(
      true,
    );
  });

  it('is unknown (null) when there is nothing to measure', () => {
    expect(
      attainment({ kpi: 'resolutionRate', comparator: 'AT_LEAST', target: 0.9 }, figures).attained,
    ).toBeNull();
  });

  it('refuses a negative or non-finite target', () => {
    expect(() => checkTarget(-0.1)).toThrow(BadUserInputError);
    expect(() => checkTarget(Number.NaN)).toThrow(BadUserInputError);
    expect(checkTarget(4.5)).toBe(4.5);
  });
});
