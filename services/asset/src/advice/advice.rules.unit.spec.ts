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
  });
});
