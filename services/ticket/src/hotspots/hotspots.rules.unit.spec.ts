import { hotspotsOf, previousPeriod, trendOf } from './hotspots.rules';

describe('previousPeriod', () => {
  it('is the period of the same length just before', () => {
    const period = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
    expect(previousPeriod(period)).toEqual({
      from: new Date('2026-01-29T00:00:00Z'),
      to: new Date('2026-03-01T00:00:00Z'),
    });
  });
});

describe('trendOf', () => {
  it.each([
    [5, 3, 'UP'],
    [2, 3, 'DOWN'],
    [3, 3, 'FLAT'],
    [2, 0, 'NEW'],
    [0, 0, 'FLAT'],
  ] as const)('%i after %i is %s', (count, previous, trend) => {
    expect(trendOf(count, previous)).toBe(trend);
  });
});

describe('hotspotsOf', () => {
  it('ranks the groups by complaints with share, rate and trend', () => {
    const current = [
      { key: 'PHONE', complaints: 2, tickets: 40 },
      { key: 'WEB', complaints: 6, tickets: 20 },
      { key: 'EMAIL', complaints: 2, tickets: 10 },
      { key: 'APP', complaints: 0, tickets: 30 },
    ];
    const previous = [
      { key: 'PHONE', complaints: 4, tickets: 30 },
      { key: 'EMAIL', complaints: 1, tickets: 10 },
    ];
    expect(hotspotsOf(current, previous)).toEqual([
      { key: 'WEB', count: 6, previousCount: 0, share: 0.6, rate: 0.3, trend: 'NEW' },
      { key: 'EMAIL', count: 2, previousCount: 1, share: 0.2, rate: 0.2, trend: 'UP' },
      { key: 'PHONE', count: 2, previousCount: 4, share: 0.2, rate: 0.05, trend: 'DOWN' },
    ]);
  });

  it('has no rate for groups without a ticket count (root causes), and keeps the null group', () => {
    expect(hotspotsOf([{ key: null, complaints: 1, tickets: null }], [])).toEqual([
      { key: null, count: 1, previousCount: 0, share: 1, rate: null, trend: 'NEW' },
    ]);
    expect(hotspotsOf([], [{ key: 'x', complaints: 3, tickets: 3 }])).toEqual([]);
  });
});

describe('hotspotsOf: ties and edges', () => {
  it('ranks equal counts by the larger increase first, whatever the keys, then by key', () => {
    const current = [
      { key: 'A-FALLING', complaints: 3, tickets: 10 },
      { key: 'B-STEADY', complaints: 3, tickets: 10 },
      { key: 'C-RISING', complaints: 3, tickets: 10 },
      { key: 'D-RISING', complaints: 3, tickets: 10 },
    ];
    const previous = [
      { key: 'A-FALLING', complaints: 5, tickets: 10 },
      { key: 'B-STEADY', complaints: 3, tickets: 10 },
      { key: 'C-RISING', complaints: 1, tickets: 10 },
      { key: 'D-RISING', complaints: 1, tickets: 10 },
    ];
    expect(hotspotsOf(current, previous).map((spot) => [spot.key, spot.trend])).toEqual([
      ['C-RISING', 'UP'],
      ['D-RISING', 'UP'],
      ['B-STEADY', 'FLAT'],
      ['A-FALLING', 'DOWN'],
    ]);
  });

  it('gives no rate to a group counted with no tickets, rather than an infinite one', () => {
    expect(hotspotsOf([{ key: 'WEB', complaints: 2, tickets: 0 }], [])).toEqual([
      { key: 'WEB', count: 2, previousCount: 0, share: 1, rate: null, trend: 'NEW' },
    ]);
  });

  it('compares each group with its own previous count only', () => {
    const spots = hotspotsOf(
      [
        { key: 'WEB', complaints: 1, tickets: 5 },
        { key: 'APP', complaints: 1, tickets: 5 },
      ],
      [{ key: 'WEB', complaints: 4, tickets: 8 }],
    );
    expect(spots.map((spot) => [spot.key, spot.previousCount, spot.trend])).toEqual([
      ['APP', 0, 'NEW'],
      ['WEB', 4, 'DOWN'],
    ]);
  });
});
