// Months of the HR service (praise letters, training windows): an instant without a zone falls in its UTC month,
// and what is not an instant is refused by name.
import { monthOf } from './month';

describe('months', () => {
  it('an instant without a zone falls in its UTC month', () => {
    expect(monthOf('2026-03-31T23:30:00.000Z')).toBe('2026-03');
    expect(monthOf(new Date('2026-04-01T00:00:00.000Z'))).toBe('2026-04');
  });

  it('refuses what is not an instant, naming it', () => {
    expect(() => monthOf('someday')).toThrow(new RangeError('not an instant: someday'));
  });
});
