// KPI periods (docs/product.md §KPI "Facts and cells"): the configured zone is checked at start-up, and a period is
// asked for by a whole `YYYY-MM-DD` date — anything around it is refused as bad input naming the field.
import { BadUserInputError } from '@opsgraph/domain';
import { assertTimeZone, dayOf, isDay, periodContaining } from './period.rules';

describe('the configured KPI zone', () => {
  it('an unknown zone is refused at start-up, a real one accepted', () => {
    expect(() => assertTimeZone('Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => assertTimeZone('Asia/Shanghai')).not.toThrow();
  });
});

describe('dayOf', () => {
  it('refuses something that is not an instant, naming it', () => {
    expect(() => dayOf('yesterday', 'UTC')).toThrow(new RangeError('not an instant: yesterday'));
  });

  it('takes a Date as well as an ISO string', () => {
    expect(dayOf(new Date('2026-03-01T23:30:00.000Z'), 'Asia/Shanghai')).toBe('2026-03-02');
  });
});

describe('a period is asked for by a whole date', () => {
  it.each(['2026-03-02x', 'x2026-03-02', '2026-03-02T00:00:00Z', ' 2026-03-02'])(
    '%j is not a date',
    (text) => {
      expect(isDay(text)).toBe(false);
      expect(() => periodContaining('MONTH', text)).toThrow(BadUserInputError);
    },
  );

  it('the refusal names the field and the text', () => {
    expect(() => periodContaining('WEEK', '2026-02-30')).toThrow(
      expect.objectContaining({
        message: 'not a date (YYYY-MM-DD): 2026-02-30',
        details: { field: 'period.date' },
      }),
    );
  });
});
