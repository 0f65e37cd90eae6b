import { kindOfPeriod, monthsOfPeriod, validateCycle } from './appraisal-cycle.rules';

const calendar = {
  selfReviewDue: '2025-03-28',
  managerReviewDue: '2025-04-03',
  calibrationDue: '2025-04-07',
  publicationDate: '2025-04-10',
};

describe('cycle periods', () => {
  it('lists the months of each kind', () => {
    expect(monthsOfPeriod('MONTHLY', '2025-03')).toEqual(['2025-03']);
    expect(monthsOfPeriod('QUARTERLY', '2025-Q2')).toEqual(['2025-04', '2025-05', '2025-06']);
    expect(monthsOfPeriod('ANNUAL', '2025')).toHaveLength(12);
    expect(monthsOfPeriod('ANNUAL', '2025')?.[11]).toBe('2025-12');
  });
  it('refuses a period of another kind', () => {
    expect(monthsOfPeriod('MONTHLY', '2025-Q1')).toBeNull();
    expect(monthsOfPeriod('QUARTERLY', '2025-Q5')).toBeNull();
    expect(monthsOfPeriod('MONTHLY', '2025-13')).toBeNull();
  });
  it('tells the kind from the period', () => {
    expect(['2025-03', '2025-Q1', '2025', 'x'].map(kindOfPeriod)).toEqual([
      'MONTHLY',
      'QUARTERLY',
      'ANNUAL',
      null,
    ]);
  });
});

describe('cycle validation', () => {
  it('accepts an ordered calendar', () => {
    expect(validateCycle('MONTHLY', '2025-03', calendar)).toEqual([]);
  });
  it('names each bad field', () => {
    expect(
      validateCycle('MONTHLY', '2025-3', {
        ...calendar,
        calibrationDue: '2025-04-01',
        publicationDate: '10/04/2025',
      }),
    ).toEqual([
      { field: 'input.period', message: 'a MONTHLY period is written YYYY-MM' },
      { field: 'input.calendar.calibrationDue', message: 'calibrationDue cannot be before managerReviewDue' },
      { field: 'input.calendar.publicationDate', message: 'expected a date YYYY-MM-DD' },
    ]);
  });
  it('refuses dates before the period starts', () => {
    expect(validateCycle('MONTHLY', '2025-03', { ...calendar, selfReviewDue: '2025-02-27' })[0].field).toBe(
      'input.calendar.selfReviewDue',
    );
  });
});
