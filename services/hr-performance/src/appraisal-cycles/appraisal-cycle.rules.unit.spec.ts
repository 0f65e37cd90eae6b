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

describe('cycle boundaries', () => {
  it('refuses periods with anything before or after them, for every kind', () => {
    for (const period of ['x2025-03', '2025-03x', '2025-Q1x', 'x2025-Q1', '20251', 'x2025']) {
      expect([period, kindOfPeriod(period)]).toEqual([period, null]);
    }
    expect(validateCycle('QUARTERLY', '2025-Q', calendar)[0]).toEqual({
      field: 'input.period',
      message: 'a QUARTERLY period is written YYYY-Qn',
    });
    expect(validateCycle('ANNUAL', '25', calendar)[0].message).toBe('a ANNUAL period is written YYYY');
  });

  it('takes steps on the same day as the one before, and on the first day of the period', () => {
    const sameDay = {
      selfReviewDue: '2025-03-01',
      managerReviewDue: '2025-03-01',
      calibrationDue: '2025-03-01',
      publicationDate: '2025-03-01',
    };
    expect(validateCycle('MONTHLY', '2025-03', sameDay)).toEqual([]);
    expect(validateCycle('QUARTERLY', '2025-Q1', { ...sameDay, selfReviewDue: '2024-12-31' })).toEqual([
      {
        field: 'input.calendar.selfReviewDue',
        message: 'selfReviewDue cannot be before the period starts (2025-01-01)',
      },
    ]);
  });

  it('judges order only against a previous step that is itself a date', () => {
    expect(
      validateCycle('MONTHLY', '2025-03', {
        ...calendar,
        selfReviewDue: 'soon',
        managerReviewDue: '2025-03-20',
      }),
    ).toEqual([{ field: 'input.calendar.selfReviewDue', message: 'expected a date YYYY-MM-DD' }]);
  });

  it('refuses calendar dates with a month or day out of range', () => {
    for (const bad of ['2025-13-01', '2025-04-32', '2025-04-00', 'x2025-04-10', '2025-04-10x']) {
      expect(validateCycle('MONTHLY', '2025-03', { ...calendar, publicationDate: bad })).toEqual([
        { field: 'input.calendar.publicationDate', message: 'expected a date YYYY-MM-DD' },
      ]);
    }
    expect(validateCycle('MONTHLY', '2025-03', { ...calendar, publicationDate: '2025-12-31' })).toEqual([]);
  });
});
