// KPI periods of the HR figures (docs/product.md §HR-2: figures per calendar month in the configured zone): a
// month is exactly `YYYY-MM`, a missing instant has no month, and what is not an instant is refused by name.
import { isMonth, monthOf, monthOrNull } from './kpi.period';

describe('months', () => {
  it('a month is exactly YYYY-MM, nothing before or after', () => {
    expect(isMonth('2026-03')).toBe(true);
    expect(isMonth('x2026-03')).toBe(false);
    expect(isMonth('2026-03x')).toBe(false);
  });

  it('an instant without a zone falls in its UTC month; no instant has no month', () => {
    expect(monthOrNull('2026-03-31T23:30:00.000Z')).toBe('2026-03');
    expect(monthOrNull(new Date('2026-04-01T00:00:00.000Z'))).toBe('2026-04');
    expect(monthOrNull(null)).toBeNull();
  });

  it('refuses what is not an instant, naming it', () => {
    expect(() => monthOf('someday')).toThrow(new RangeError('not an instant: someday'));
  });
});
