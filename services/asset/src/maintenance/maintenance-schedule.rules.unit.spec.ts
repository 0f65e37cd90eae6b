import { BadUserInputError } from '@opsgraph/domain';
import { checkInterval, dueKey, intervalDays, isOverdue, nextDue } from './maintenance-schedule.rules';

describe('nextDue', () => {
  it.each([
    [{ unit: 'DAYS', value: 10 }, '2026-02-25', '2026-03-07'],
    [{ unit: 'WEEKS', value: 2 }, '2026-12-25', '2027-01-08'],
    [{ unit: 'MONTHS', value: 3 }, '2026-01-15', '2026-04-15'],
    // Month-end: clamped to the shorter month's last day, leap years included.
    [{ unit: 'MONTHS', value: 1 }, '2026-01-31', '2026-02-28'],
    [{ unit: 'MONTHS', value: 1 }, '2028-01-31', '2028-02-29'],
    [{ unit: 'MONTHS', value: 3 }, '2026-11-30', '2027-02-28'],
    [{ unit: 'MONTHS', value: 12 }, '2028-02-29', '2029-02-28'],
  ] as const)('%j after %s → %s', (interval, doneOn, dueOn) => {
    expect(nextDue(interval, doneOn, 0)).toEqual({ dueOn, dueAtHours: null });
  });

  it('counts operating hours from the meter reading when it was done', () => {
    expect(nextDue({ unit: 'OPERATING_HOURS', value: 500 }, '2026-01-01', 1234.5)).toEqual({
      dueOn: null,
      dueAtHours: 1734.5,
    });
  });
});

describe('isOverdue', () => {
  it('is overdue the day after the due day, not on it', () => {
    const due = { dueOn: '2026-03-01', dueAtHours: null };
    expect(isOverdue(due, '2026-03-01', 0)).toBe(false);
    expect(isOverdue(due, '2026-03-02', 0)).toBe(true);
  });

  it('is overdue once the meter reaches the due reading', () => {
    const due = { dueOn: null, dueAtHours: 1000 };
    expect(isOverdue(due, '2026-03-01', 999.9)).toBe(false);
    expect(isOverdue(due, '2026-03-01', 1000)).toBe(true);
  });
});

describe('intervals', () => {
  it('refuses 0 and more than the unit’s maximum', () => {
    expect(() => checkInterval({ unit: 'DAYS', value: 0 })).toThrow(BadUserInputError);
    expect(() => checkInterval({ unit: 'MONTHS', value: 121 })).toThrow(BadUserInputError);
    expect(checkInterval({ unit: 'WEEKS', value: 4 })).toEqual({ unit: 'WEEKS', value: 4 });
  });

  it('takes 1 and each unit’s maximum, and names the limit and the field when refusing', () => {
    for (const unit of ['DAYS', 'WEEKS', 'MONTHS', 'OPERATING_HOURS'] as const) {
      const max = { DAYS: 3650, WEEKS: 520, MONTHS: 120, OPERATING_HOURS: 100_000 }[unit];
      expect(checkInterval({ unit, value: 1 })).toEqual({ unit, value: 1 });
      expect(checkInterval({ unit, value: max })).toEqual({ unit, value: max });
      expect(() => checkInterval({ unit, value: max + 1 })).toThrow(
        `intervalValue must be a whole number from 1 to ${max} for ${unit}`,
      );
    }
    expect(() => checkInterval({ unit: 'DAYS', value: 1.5 })).toThrow(
      expect.objectContaining({ details: { field: 'input.intervalValue' } }),
    );
    expect(() => checkInterval({ unit: 'DAYS', value: 0 }, 'input.plan.intervalValue')).toThrow(
      expect.objectContaining({ details: { field: 'input.plan.intervalValue' } }),
    );
  });

  it('converts a days interval to itself', () => {
    expect(intervalDays({ unit: 'DAYS', value: 45 })).toBe(45);
  });

  it('is never overdue without a due point', () => {
    expect(isOverdue({ dueOn: null, dueAtHours: null }, '2030-01-01', 1_000_000)).toBe(false);
  });

  it('converts calendar intervals to days', () => {
    expect(intervalDays({ unit: 'WEEKS', value: 2 })).toBe(14);
    expect(intervalDays({ unit: 'MONTHS', value: 12 })).toBe(365.25);
    expect(intervalDays({ unit: 'OPERATING_HOURS', value: 100 })).toBeNull();
  });
});

describe('dueKey', () => {
  it('names a due point as the scanner records it (the day, or the hours to one decimal)', () => {
    expect(dueKey({ dueOn: '2026-03-01', dueAtHours: null })).toBe('2026-03-01');
    expect(dueKey({ dueOn: null, dueAtHours: 1000 })).toBe('h1000.0');
  });
});
