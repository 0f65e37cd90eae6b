import { InvalidTransitionError } from '@opsgraph/domain';
import {
  ASSET_STATUS_VALUES,
  canMove,
  nextStatuses,
  requireMove,
  type AssetStatusValue,
} from './asset-status.rules';

// The whole table, written out: every (from, to) pair of the five statuses, 25 in all.
const LEGAL: ReadonlySet<string> = new Set([
  'IN_STOCK→IN_USE',
  'IN_STOCK→RETIRED',
  'IN_USE→IN_STOCK',
  'IN_USE→UNDER_MAINTENANCE',
  'IN_USE→FAULTY',
  'IN_USE→RETIRED',
  'UNDER_MAINTENANCE→IN_USE',
  'UNDER_MAINTENANCE→FAULTY',
  'UNDER_MAINTENANCE→RETIRED',
  'FAULTY→UNDER_MAINTENANCE',
  'FAULTY→IN_USE',
  'FAULTY→RETIRED',
]);

const PAIRS: [AssetStatusValue, AssetStatusValue][] = ASSET_STATUS_VALUES.flatMap((from) =>
  ASSET_STATUS_VALUES.map((to): [AssetStatusValue, AssetStatusValue] => [from, to]),
);

describe('asset status machine', () => {
  it('covers all 25 pairs, 12 of them legal', () => {
    expect(PAIRS).toHaveLength(25);
    expect(PAIRS.filter(([from, to]) => canMove(from, to))).toHaveLength(LEGAL.size);
  });

  it.each(PAIRS)('%s → %s', (from, to) => {
    if (LEGAL.has(`${from}→${to}`)) {
      expect(canMove(from, to)).toBe(true);
      expect(() => requireMove(from, to)).not.toThrow();
    } else {
      expect(canMove(from, to)).toBe(false);
      expect(() => requireMove(from, to)).toThrow(InvalidTransitionError);
      expect(() => requireMove(from, to)).toThrow(
        expect.objectContaining({ details: { currentState: from } }),
      );
    }
  });
});

describe('nextStatuses', () => {
  it('lists where each status may go, nothing after RETIRED', () => {
    expect(nextStatuses('IN_STOCK')).toEqual(['IN_USE', 'RETIRED']);
    expect(nextStatuses('FAULTY')).toEqual(['UNDER_MAINTENANCE', 'IN_USE', 'RETIRED']);
    expect(nextStatuses('RETIRED')).toEqual([]);
    for (const from of ASSET_STATUS_VALUES) {
      expect([...nextStatuses(from)].sort()).toEqual(
        ASSET_STATUS_VALUES.filter((to) => canMove(from, to)).sort(),
      );
    }
  });

  it('refuses a move naming both statuses', () => {
    expect(() => requireMove('RETIRED', 'IN_USE')).toThrow('An asset RETIRED cannot become IN_USE');
  });
});
