import { BadUserInputError } from '@opsgraph/domain';
import { dayOf, periodContaining } from './period.rules';

describe('dayOf', () => {
  it('places an instant in its civil day in the configured zone', () => {
    const instant = '2026-03-01T23:30:00.000Z';
    expect(dayOf(instant, 'UTC')).toBe('2026-03-01');
    expect(dayOf(instant, 'Asia/Hong_Kong')).toBe('2026-03-02'); // UTC+8
    expect(dayOf(instant, 'America/New_York')).toBe('2026-03-01'); // UTC-5
  });

  it('follows DST: the local midnight moves by an hour in UTC across the switch', () => {
    // New York springs forward on 2026-03-08: midnight is 05:00Z before, 04:00Z after.
    expect(dayOf('2026-03-08T04:59:59.000Z', 'America/New_York')).toBe('2026-03-07');
    expect(dayOf('2026-03-08T05:00:00.000Z', 'America/New_York')).toBe('2026-03-08');
    expect(dayOf('2026-03-09T03:59:59.000Z', 'America/New_York')).toBe('2026-03-08');
    expect(dayOf('2026-03-09T04:00:00.000Z', 'America/New_York')).toBe('2026-03-09');
    // Berlin falls back on 2026-10-25: that day has 25 hours, 2026-10-24T22:00Z to 2026-10-25T23:00Z.
    expect(dayOf('2026-10-24T22:00:00.000Z', 'Europe/Berlin')).toBe('2026-10-25');
    expect(dayOf('2026-10-25T22:59:59.000Z', 'Europe/Berlin')).toBe('2026-10-25');
    expect(dayOf('2026-10-25T23:00:00.000Z', 'Europe/Berlin')).toBe('2026-10-26');
  });

  it('refuses an unknown zone', () => {
    expect(() => dayOf('2026-03-01T00:00:00.000Z', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('periodContaining', () => {
  it.each([
    ['DAY', '2026-03-08', '2026-03-08', '2026-03-08'],
    ['WEEK', '2026-03-08', '2026-03-02', '2026-03-08'], // a Sunday belongs to the week of the Monday before
    ['WEEK', '2026-01-01', '2025-12-29', '2026-01-04'], // ISO week 1 of 2026 starts in 2025
    ['MONTH', '2024-02-10', '2024-02-01', '2024-02-29'], // leap year
    ['QUARTER', '2026-11-30', '2026-10-01', '2026-12-31'],
    ['YEAR', '2026-06-15', '2026-01-01', '2026-12-31'],
  ] as const)('%s containing %s is %s..%s', (kind, day, start, end) => {
    expect(periodContaining(kind, day)).toEqual({ kind, start, end });
  });

  it('refuses a date that does not exist as BAD_USER_INPUT', () => {
    expect(() => periodContaining('MONTH', '2026-02-30')).toThrow(BadUserInputError);
    expect(() => periodContaining('MONTH', '2026-2-3')).toThrow(BadUserInputError);
  });
});
