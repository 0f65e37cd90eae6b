import { assertTimeZone, monthOf } from './month';

describe('monthOf', () => {
  it('takes the calendar month of the instant in UTC by default', () => {
    expect(monthOf('2025-03-31T23:59:59.999Z')).toBe('2025-03');
    expect(monthOf('2025-04-01T00:00:00.000Z')).toBe('2025-04');
    expect(monthOf(new Date('2024-12-31T12:00:00Z'))).toBe('2024-12');
  });

  it('uses the configured time zone', () => {
    // 2025-03-31 20:00 UTC is already April 1st, 04:00, in Shanghai (UTC+8)
    expect(monthOf('2025-03-31T20:00:00Z', 'Asia/Shanghai')).toBe('2025-04');
    expect(monthOf('2025-03-31T15:59:59Z', 'Asia/Shanghai')).toBe('2025-03');
  });

  it('rejects what is not an instant or a zone', () => {
    expect(() => monthOf('yesterday')).toThrow(RangeError);
    expect(() => assertTimeZone('Mars/Olympus')).toThrow(RangeError);
  });
});
