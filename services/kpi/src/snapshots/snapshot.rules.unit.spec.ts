import { isUuid } from '@opsgraph/graphql-kit';
import {
  isLive,
  latestClosed,
  liveCutoff,
  MAX_CLOSES_PER_RUN,
  periodsToClose,
  snapshotIdOf,
  monthUpdatesOf,
} from './snapshot.rules';

const D = { kind: 'DEPARTMENT' as const, value: '0a6f3e8d-2b1c-4d57-9e84-7c5a1f2b3d96' };

describe('snapshot ids', () => {
  it('are one UUID per period and dimension, the same for every publication', () => {
    const id = snapshotIdOf('MONTH', '2026-11-01', D);
    expect(isUuid(id)).toBe(true);
    expect(id).toBe(snapshotIdOf('MONTH', '2026-11-01', { ...D }));
    expect(id).not.toBe(snapshotIdOf('MONTH', '2026-10-01', D));
    expect(id).not.toBe(snapshotIdOf('WEEK', '2026-11-01', D));
    expect(id).not.toBe(snapshotIdOf('MONTH', '2026-11-01', { kind: 'OVERALL', value: '*' }));
  });
});

describe('period closes', () => {
  // Wednesday 2 December 2026
  const today = '2026-12-02';

  it('the latest ended period of each kind', () => {
    expect(latestClosed('DAY', today)).toEqual({ kind: 'DAY', start: '2026-12-01', end: '2026-12-01' });
    expect(latestClosed('WEEK', today)).toEqual({ kind: 'WEEK', start: '2026-11-23', end: '2026-11-29' });
    expect(latestClosed('MONTH', today)).toEqual({ kind: 'MONTH', start: '2026-11-01', end: '2026-11-30' });
    expect(latestClosed('QUARTER', today)).toEqual({
      kind: 'QUARTER',
      start: '2026-07-01',
      end: '2026-09-30',
    });
    expect(latestClosed('YEAR', today)).toEqual({ kind: 'YEAR', start: '2025-01-01', end: '2025-12-31' });
  });

  it('with nothing closed yet, closes only the latest ended period of each kind', () => {
    expect(periodsToClose(today, new Map()).map((p) => `${p.kind} ${p.start}`)).toEqual([
      'DAY 2026-12-01',
      'WEEK 2026-11-23',
      'MONTH 2026-11-01',
      'QUARTER 2026-07-01',
      'YEAR 2025-01-01',
    ]);
  });

  it('catches up every period missed since the last close, oldest first, and nothing when up to date', () => {
    const last = new Map([
      ['DAY', '2026-11-28'],
      ['WEEK', '2026-11-23'],
      ['MONTH', '2026-11-01'],
      ['QUARTER', '2026-07-01'],
      ['YEAR', '2025-01-01'],
    ] as const);
    expect(periodsToClose(today, last).map((p) => `${p.kind} ${p.start}`)).toEqual([
      'DAY 2026-11-29',
      'DAY 2026-11-30',
      'DAY 2026-12-01',
    ]);
    expect(periodsToClose('2026-12-01', new Map([...last, ['DAY', '2026-11-30']]))).toEqual([]);
  });

  it('catches up at most MAX_CLOSES_PER_RUN periods of a kind per run, the oldest missing ones last', () => {
    const due = periodsToClose(today, new Map([['DAY', '2026-01-01']]));
    const days = due.filter((p) => p.kind === 'DAY');
    expect(days).toHaveLength(MAX_CLOSES_PER_RUN);
    expect(days.at(-1)?.start).toBe('2026-12-01');
  });
});

describe('live updates', () => {
  const now = new Date('2026-12-02T10:00:00.000Z');

  it('a cell is published at most once per minute', () => {
    expect(liveCutoff(now)).toEqual(new Date('2026-12-02T09:59:00.000Z'));
  });

  it('only live events (within the hour) queue cells: a replay of old history publishes nothing live', () => {
    expect(isLive(new Date('2026-12-02T09:30:00.000Z'), now)).toBe(true);
    expect(isLive(new Date('2026-12-01T09:30:00.000Z'), now)).toBe(false);
  });
});

describe('month updates', () => {
  const ana = { kind: 'EMPLOYEE' as const, value: 'ana' };
  const cs = { kind: 'DEPARTMENT' as const, value: 'cs' };
  const MARCH = { kind: 'MONTH', start: '2026-03-01', end: '2026-03-31' };

  it('publishes the running month of each changed department or employee once', () => {
    const changed = [
      { dimension: ana, day: '2026-03-05' },
      { dimension: ana, day: '2026-03-31' },
      { dimension: cs, day: '2026-03-01' },
      { dimension: { kind: 'OVERALL' as const, value: '*' }, day: '2026-03-05' },
      { dimension: { kind: 'CHANNEL' as const, value: 'PHONE' }, day: '2026-03-05' },
    ];
    expect(monthUpdatesOf(changed, '2026-03-31')).toEqual([
      { dimension: cs, period: MARCH },
      { dimension: ana, period: MARCH },
    ]);
  });

  it('includes earlier months (their figures; a close stays as published) but never a month after the running one', () => {
    const FEBRUARY = { kind: 'MONTH', start: '2026-02-01', end: '2026-02-28' };
    expect(monthUpdatesOf([{ dimension: ana, day: '2026-02-28' }], '2026-03-01')).toEqual([
      { dimension: ana, period: FEBRUARY },
    ]);
    expect(monthUpdatesOf([{ dimension: ana, day: '2026-04-01' }], '2026-03-31')).toEqual([]);
    expect(monthUpdatesOf([{ dimension: ana, day: '2026-03-01' }], '2026-03-01')).toHaveLength(1);
    // The month's last day is in it; two months of one dimension are two updates, in month order.
    expect(
      monthUpdatesOf(
        [
          { dimension: cs, day: '2026-03-31' },
          { dimension: cs, day: '2026-02-01' },
        ],
        '2026-03-02',
      ),
    ).toEqual([
      { dimension: cs, period: FEBRUARY },
      { dimension: cs, period: MARCH },
    ]);
  });
});
