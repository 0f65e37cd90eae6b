import { addDays, addMonths, dayOf, daysBetween } from './calendar.rules';

describe('calendar arithmetic on days', () => {
  it('adds months on the same day, or the last day of a shorter month', () => {
    expect(addMonths('2026-01-15', 1)).toBe('2026-02-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2025-12-31', 12)).toBe('2026-12-31');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('0999-12-01', 1)).toBe('1000-01-01');
  });

  it('adds and counts whole days across month and year ends', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-01-01', '2025-12-31')).toBe(-1);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('reads the UTC day of an instant', () => {
    expect(dayOf(new Date('2026-03-02T23:59:59.999Z'))).toBe('2026-03-02');
  });
});
