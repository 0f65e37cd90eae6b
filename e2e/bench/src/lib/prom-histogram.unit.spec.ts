import { parseHistogram, quantileBetween } from './prom-histogram';

const metrics = (counts: [string, number][]) =>
  [
    '# HELP demo_seconds demo',
    '# TYPE demo_seconds histogram',
    ...counts.map(([le, count]) => `demo_seconds_bucket{le="${le}"} ${count}`),
    `demo_seconds_sum 1.5`,
    `demo_seconds_count ${counts.at(-1)?.[1] ?? 0}`,
    'other_seconds_bucket{le="0.001"} 99',
  ].join('\n');

describe('Prometheus histograms in the bench', () => {
  it('reads the cumulative buckets of one histogram, ascending, +Inf last', () => {
    expect(
      parseHistogram(
        metrics([
          ['0.01', 3],
          ['+Inf', 5],
          ['0.001', 1],
        ]),
        'demo_seconds',
      ),
    ).toEqual([
      [0.001, 1],
      [0.01, 3],
      [Infinity, 5],
    ]);
  });

  it('interpolates a quantile within its bucket, from the observations between two reads only', () => {
    const before = parseHistogram(
      metrics([
        ['0.002', 100],
        ['0.01', 100],
        ['+Inf', 100],
      ]),
      'demo_seconds',
    );
    // Since: 50 observations ≤ 2 ms, 50 in (2, 10] ms.
    const after = parseHistogram(
      metrics([
        ['0.002', 150],
        ['0.01', 200],
        ['+Inf', 200],
      ]),
      'demo_seconds',
    );
    expect(quantileBetween(before, after, 0.5)).toBeCloseTo(0.002, 9);
    expect(quantileBetween(before, after, 0.75)).toBeCloseTo(0.006, 9);
    expect(quantileBetween(before, after, 0.99)).toBeCloseTo(0.002 + 0.008 * 0.98, 9);
  });

  it('answers the last finite bound past it, and NaN without observations', () => {
    const before = parseHistogram(
      metrics([
        ['0.01', 0],
        ['+Inf', 0],
      ]),
      'demo_seconds',
    );
    const after = parseHistogram(
      metrics([
        ['0.01', 90],
        ['+Inf', 100],
      ]),
      'demo_seconds',
    );
    expect(quantileBetween(before, after, 0.99)).toBe(0.01);
    expect(quantileBetween(after, after, 0.5)).toBeNaN();
  });
});
