// Target attainment at its boundaries (docs/product.md §KPI "Targets"): AT_LEAST and AT_MOST both include the
// target itself, each compares in its own direction, and a target may be 0 (e.g. complaint rate AT_MOST 0).
import { BadUserInputError } from '@opsgraph/domain';
import { emptyCounters, kpiFigures } from '../engine/cell.rules';
import { attainment, checkTarget } from './target.rules';

const figures = { ...kpiFigures(emptyCounters(), 0), csatAverage: 4.5, complaintRate: 0.02 };
const attained = (comparator: 'AT_LEAST' | 'AT_MOST', kpi: 'csatAverage' | 'complaintRate', target: number) =>
  attainment({ kpi, comparator, target }, figures).attained;

describe('AT_LEAST: the figure must reach the target', () => {
  it('exactly on the target is attained', () => {
    expect(attained('AT_LEAST', 'csatAverage', 4.5)).toBe(true);
  });

  it('above is attained, below is missed', () => {
    expect(attained('AT_LEAST', 'csatAverage', 4.4)).toBe(true);
    expect(attained('AT_LEAST', 'csatAverage', 4.6)).toBe(false);
  });
});

describe('AT_MOST: the figure must stay at or under the target', () => {
  it('exactly on the target is attained', () => {
    expect(attained('AT_MOST', 'complaintRate', 0.02)).toBe(true);
  });

  it('under is attained, over is missed (the opposite direction of AT_LEAST)', () => {
    expect(attained('AT_MOST', 'complaintRate', 0.03)).toBe(true);
    expect(attained('AT_MOST', 'complaintRate', 0.01)).toBe(false);
  });
});

describe('checkTarget: a target is a finite number ≥ 0', () => {
  it('0 is a valid target (no complaints at all)', () => {
    expect(checkTarget(0)).toBe(0);
  });

  it('a refused target names the field and says why', () => {
    expect(() => checkTarget(-1)).toThrow(
      expect.objectContaining({
        message: 'target must be a number ≥ 0',
        details: { field: 'input.target' },
      }),
    );
    expect(() => checkTarget(Number.POSITIVE_INFINITY)).toThrow(BadUserInputError);
  });
});
