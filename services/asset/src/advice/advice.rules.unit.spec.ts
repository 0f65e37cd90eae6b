import { adviceFor, planSuggestion, type AdviceFacts } from './advice.rules';

const BASE: AdviceFacts = {
  today: '2026-03-01',
  inServiceSince: '2024-03-01',
  usefulLifeYears: 5,
  warrantyEndsOn: '2027-03-01',
  faultsLastYear: 0,
  mtbfLastYear: null,
  mtbfYearBefore: null,
};

describe('adviceFor', () => {
  it('KEEP: two years into five, under warranty, no faults', () => {
    expect(adviceFor(BASE)).toEqual({
      recommendation: 'KEEP',
      reasons: ['within its useful life, no recent faults'],
      ageYears: 2,
    });
  });

  it('REPLACE: past its useful life and out of warranty', () => {
    const advice = adviceFor({ ...BASE, inServiceSince: '2020-09-01', warrantyEndsOn: '2023-09-01' });
    expect(advice.recommendation).toBe('REPLACE');
    expect(advice.reasons).toEqual([
      '5.5 years old, past its useful life of 5',
      'warranty ended on 2023-09-01',
    ]);
  });

  it('REPLACE: MTBF halved year on year while out of warranty, even when young', () => {
    const advice = adviceFor({
      ...BASE,
      warrantyEndsOn: '2025-12-31',
      faultsLastYear: 2,
      mtbfLastYear: 1000,
      mtbfYearBefore: 4000,
    });
    expect(advice.recommendation).toBe('REPLACE');
    expect(advice.reasons).toContain('MTBF fell from 4000 h to 1000 h year on year');
  });

  it('UPGRADE: 80 % of its life used', () => {
    const advice = adviceFor({ ...BASE, inServiceSince: '2022-03-01' });
    expect(advice).toMatchObject({ recommendation: 'UPGRADE', ageYears: 4 });
    expect(advice.reasons[0]).toBe('4 years old, 80 % of its useful life of 5');
  });

  it('UPGRADE: warranty ends within 90 days and it has had a fault', () => {
    const advice = adviceFor({ ...BASE, warrantyEndsOn: '2026-04-15', faultsLastYear: 1 });
    expect(advice.recommendation).toBe('UPGRADE');
    expect(advice.reasons).toEqual([
      'warranty ends on 2026-04-15, in 45 days',
      '1 fault(s) in the last 12 months',
    ]);
  });

  it('UPGRADE, not REPLACE: failing often but young and under warranty', () => {
    expect(adviceFor({ ...BASE, faultsLastYear: 3 }).recommendation).toBe('UPGRADE');
  });

  it('KEEP without a service date: nothing to judge the age by', () => {
    expect(adviceFor({ ...BASE, inServiceSince: null }).ageYears).toBeNull();
  });
});

describe('adviceFor at the boundaries of docs/product.md §4.1', () => {
  const recommendation = (facts: Partial<AdviceFacts>) => adviceFor({ ...BASE, ...facts }).recommendation;
  const outOfWarranty = { warrantyEndsOn: '2026-02-28' };

  it('is past its useful life from the day it reaches it', () => {
    const fiveYears = adviceFor({ ...BASE, inServiceSince: '2021-03-01', ...outOfWarranty });
    expect(fiveYears).toMatchObject({ recommendation: 'REPLACE', ageYears: 5 });
    expect(fiveYears.reasons[0]).toBe('5 years old, past its useful life of 5');
  });

  it('has used 75 % of its life from the day it reaches it', () => {
    const advice = adviceFor({ ...BASE, usefulLifeYears: 4, inServiceSince: '2023-03-01' });
    expect(advice).toMatchObject({ recommendation: 'UPGRADE', ageYears: 3 });
    expect(advice.reasons).toEqual(['3 years old, 75 % of its useful life of 4']);
    expect(recommendation({ usefulLifeYears: 4, inServiceSince: '2023-04-01' })).toBe('KEEP');
  });

  it('treats an asset without a warranty date as out of warranty', () => {
    expect(recommendation({ inServiceSince: '2020-03-01', warrantyEndsOn: null })).toBe('REPLACE');
    expect(adviceFor({ ...BASE, warrantyEndsOn: null }).reasons).toEqual(['within its useful life, no recent faults']);
  });

  it('keeps a past-life asset still under warranty and not failing at UPGRADE', () => {
    expect(recommendation({ inServiceSince: '2020-03-01' })).toBe('UPGRADE');
    expect(recommendation({ inServiceSince: '2020-03-01', faultsLastYear: 3 })).toBe('REPLACE');
  });

  it('counts the warranty as running on its last day', () => {
    const lastDay = adviceFor({ ...BASE, inServiceSince: '2020-03-01', warrantyEndsOn: BASE.today });
    expect(lastDay.recommendation).toBe('UPGRADE');
    expect(lastDay.reasons).toContain(`warranty ends on ${BASE.today}, in 0 days`);
  });

  it('flags a warranty ending within 90 days, not 91, and only with faults', () => {
    expect(recommendation({ warrantyEndsOn: '2026-05-30', faultsLastYear: 1 })).toBe('UPGRADE');
    expect(adviceFor({ ...BASE, warrantyEndsOn: '2026-05-30' }).reasons).toEqual([
      'warranty ends on 2026-05-30, in 90 days',
    ]);
    expect(recommendation({ warrantyEndsOn: '2026-05-30', faultsLastYear: 0 })).toBe('KEEP');
    expect(recommendation({ warrantyEndsOn: '2026-05-31', faultsLastYear: 1 })).toBe('KEEP');
    expect(adviceFor({ ...BASE, warrantyEndsOn: '2026-05-31' }).reasons).toEqual([
      'within its useful life, no recent faults',
    ]);
  });

  it('calls MTBF worsening when it has at least halved, and only with both years known', () => {
    // Young, out of warranty, 2 faults: UPGRADE (warranty over and faults) unless the MTBF says REPLACE.
    const young = { ...outOfWarranty, faultsLastYear: 2 };
    expect(recommendation({ ...young, mtbfLastYear: 2000, mtbfYearBefore: 4000 })).toBe('REPLACE');
    expect(recommendation({ ...young, mtbfLastYear: 2001, mtbfYearBefore: 4000 })).toBe('UPGRADE');
    expect(recommendation({ ...young, mtbfLastYear: null, mtbfYearBefore: 4000 })).toBe('UPGRADE');
    expect(recommendation({ ...young, mtbfLastYear: 100, mtbfYearBefore: null })).toBe('UPGRADE');
    expect(adviceFor({ ...BASE, ...young, mtbfLastYear: 2001, mtbfYearBefore: 4000 }).reasons).toEqual([
      'warranty ended on 2026-02-28',
      '2 fault(s) in the last 12 months',
    ]);
  });

  it('does not replace a worsening asset still under warranty', () => {
    expect(recommendation({ faultsLastYear: 2, mtbfLastYear: 1000, mtbfYearBefore: 4000 })).toBe('KEEP');
  });
});

describe('planSuggestion', () => {
  it('proposes 80 % of the MTBF when the model fails before the plan comes round', () => {
    // MTBF 1,200 h = 50 days < 90-day plan → 40 days.
    expect(planSuggestion(90, 1200)).toEqual({
      currentIntervalDays: 90,
      suggestedIntervalDays: 40,
      observedMtbfDays: 50,
      reason: "the model fails every 50 days on average, before the plan's 90-day interval",
    });
  });

  it('suggests nothing when the plan is shorter than the MTBF, or without figures', () => {
    expect(planSuggestion(30, 1200)).toBeNull();
    expect(planSuggestion(null, 1200)).toBeNull();
    expect(planSuggestion(30, null)).toBeNull();
    // MTBF 720 h = 30 days: maintenance every 30 days comes just in time.
    expect(planSuggestion(30, 720)).toBeNull();
    expect(planSuggestion(31, 720)).toMatchObject({ suggestedIntervalDays: 24, observedMtbfDays: 30 });
  });
});
