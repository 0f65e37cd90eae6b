import {
  DEFAULT_SHARES,
  DEFAULT_THRESHOLDS,
  gradeByDistribution,
  gradeByThresholds,
  performanceBonus,
  validateGradingPolicy,
  type Ranked,
} from './grading.rules';

describe('grading by thresholds', () => {
  it.each([
    [100, 'S'],
    [90, 'S'],
    [89.99, 'A'],
    [80, 'A'],
    [79.5, 'B'],
    [70, 'B'],
    [60, 'C'],
    [59.99, 'D'],
    [0, 'D'],
  ] as const)('%d → %s', (total, grade) => {
    expect(gradeByThresholds(total, DEFAULT_THRESHOLDS)).toBe(grade);
  });
});

describe('grading policy validation', () => {
  const ok = { mode: 'THRESHOLDS' as const, thresholds: DEFAULT_THRESHOLDS, shares: DEFAULT_SHARES };
  it('accepts the defaults', () => expect(validateGradingPolicy(ok)).toEqual([]));
  it('refuses thresholds that do not fall', () => {
    expect(validateGradingPolicy({ ...ok, thresholds: { S: 90, A: 90, B: 70, C: 60 } })).toEqual([
      { field: 'input.grading.thresholds', message: 'thresholds must fall strictly from S to C' },
    ]);
  });
  it('refuses shares that do not sum to 100', () => {
    expect(validateGradingPolicy({ ...ok, shares: { S: 10, A: 20, B: 40, C: 20, D: 20 } })[0].field).toBe(
      'input.grading.shares',
    );
  });
});

describe('grading policy limits', () => {
  const ok = { mode: 'THRESHOLDS' as const, thresholds: DEFAULT_THRESHOLDS, shares: DEFAULT_SHARES };
  const thresholdsOutOfRange = [
    { field: 'input.grading.thresholds', message: 'thresholds are between 0 and 100' },
  ];
  const notFalling = [
    { field: 'input.grading.thresholds', message: 'thresholds must fall strictly from S to C' },
  ];
  const badShares = [
    { field: 'input.grading.shares', message: 'shares are whole percentages from 0 to 100' },
  ];

  it('takes thresholds from 0 to 100 falling strictly', () => {
    expect(validateGradingPolicy({ ...ok, thresholds: { S: 100, A: 50, B: 1, C: 0 } })).toEqual([]);
    for (const thresholds of [
      { S: 101, A: 80, B: 70, C: 60 },
      { S: 90, A: 80, B: 70, C: -1 },
      { S: 90, A: Number.NaN, B: 70, C: 60 },
      { S: 90, A: 80, B: Number.POSITIVE_INFINITY, C: 60 },
    ]) {
      expect(validateGradingPolicy({ ...ok, thresholds })).toEqual(thresholdsOutOfRange);
    }
    expect(validateGradingPolicy({ ...ok, thresholds: { S: 90, A: 80, B: 80, C: 60 } })).toEqual(notFalling);
    expect(validateGradingPolicy({ ...ok, thresholds: { S: 90, A: 80, B: 60, C: 60 } })).toEqual(notFalling);
  });

  it('takes whole-percent shares from 0 to 100 summing to 100', () => {
    expect(validateGradingPolicy({ ...ok, shares: { S: 100, A: 0, B: 0, C: 0, D: 0 } })).toEqual([]);
    for (const shares of [
      { S: 10.5, A: 19.5, B: 40, C: 20, D: 10 },
      { S: -10, A: 40, B: 40, C: 20, D: 10 },
      { S: 101, A: 0, B: 0, C: 0, D: -1 },
    ]) {
      expect(validateGradingPolicy({ ...ok, shares })).toEqual(badShares);
    }
    expect(validateGradingPolicy({ ...ok, shares: { S: 10, A: 20, B: 40, C: 20, D: 20 } })).toEqual([
      { field: 'input.grading.shares', message: 'shares must sum to 100' },
    ]);
  });
});

describe('forced distribution', () => {
  const ranked = (totals: number[]): Ranked[] =>
    totals.map((total, index) => ({
      id: `e${index}`,
      total,
      tieBreak: `EMP-${String(index).padStart(3, '0')}`,
    }));
  const gradesOf = (entries: Ranked[], result: Map<string, string>) =>
    entries.map((e) => result.get(e.id)).join('');

  it('fills 10/20/40/20/10 % of ten distinct totals exactly', () => {
    const entries = ranked([95, 91, 88, 85, 80, 77, 75, 70, 65, 50]);
    expect(gradesOf(entries, gradeByDistribution(entries, DEFAULT_SHARES))).toBe('SAABBBBCCD');
  });

  it('does not depend on the input order', () => {
    const entries = ranked([95, 91, 88, 85, 80, 77, 75, 70, 65, 50]);
    const reversed = gradeByDistribution([...entries].reverse(), DEFAULT_SHARES);
    expect(gradesOf(entries, reversed)).toBe('SAABBBBCCD');
  });

  it('gives a tie across a boundary the better grade; the overflow comes out of the next grade', () => {
    // one S slot, but the top two tie at 95: both S; the A slots are ranks 2–3, so only 88 is left for A
    const entries = ranked([95, 95, 88, 85, 80, 77, 75, 70, 65, 50]);
    expect(gradesOf(entries, gradeByDistribution(entries, DEFAULT_SHARES))).toBe('SSABBBBCCD');
    // ties inside one grade's slots change nothing
    const inside = ranked([95, 91, 91, 88, 85, 80, 77, 75, 70, 50]);
    expect(gradesOf(inside, gradeByDistribution(inside, DEFAULT_SHARES))).toBe('SAABBBBCCD');
  });

  it('orders equal totals by the tie-break key, whatever the input order', () => {
    const entries = ranked([80, 80]);
    const result = gradeByDistribution([...entries].reverse(), { S: 50, A: 50, B: 0, C: 0, D: 0 });
    expect(gradesOf(entries, result)).toBe('SS');
  });

  it('never grades a lower total better than a higher one', () => {
    const entries = ranked([80, 80, 80, 80, 80, 70, 70, 70, 70, 70]);
    const grades = gradesOf(entries, gradeByDistribution(entries, DEFAULT_SHARES));
    expect(grades).toBe('SSSSSBBBBB');
  });

  it('rounds cumulative quotas half up in small departments (3 people: S 0.3 → 0, ≤A 0.9 → 1, ≤B 2.1 → 2, ≤C 2.7 → 3)', () => {
    const entries = ranked([90, 80, 70]);
    expect(gradesOf(entries, gradeByDistribution(entries, DEFAULT_SHARES))).toBe('ABC');
  });

  it('lists the department by rank: total first, then the tie-break key', () => {
    const entries: Ranked[] = [
      { id: 'low', total: 60, tieBreak: 'EMP-001' },
      { id: 'tie-b', total: 80, tieBreak: 'EMP-009' },
      { id: 'top', total: 95, tieBreak: 'EMP-005' },
      { id: 'tie-a', total: 80, tieBreak: 'EMP-002' },
    ];
    for (const order of [entries, [...entries].reverse()]) {
      expect([...gradeByDistribution(order, DEFAULT_SHARES).keys()]).toEqual([
        'top',
        'tie-a',
        'tie-b',
        'low',
      ]);
    }
  });

  it('grades anyone past the quotas D', () => {
    const entries = ranked([90, 80, 70, 60]);
    expect(gradesOf(entries, gradeByDistribution(entries, { S: 25, A: 25, B: 0, C: 0, D: 0 }))).toBe('SADD');
  });

  it('handles an empty department', () => {
    expect(gradeByDistribution([], DEFAULT_SHARES).size).toBe(0);
  });
});

describe('performance bonus', () => {
  it.each([
    ['S', 1000, 1500, 0],
    ['A', 1000, 1200, 0],
    ['B', 1000, 1000, 0],
    ['C', 1000, 800, 200],
    ['D', 1000, 500, 500],
  ] as const)('%s on %d → bonus %d, deduction %d', (grade, base, bonus, deduction) => {
    expect(performanceBonus(grade, base)).toEqual({ bonus, deduction });
  });
});
