import { BadUserInputError, ConflictError } from '@opsgraph/domain';
import { emptyCounters, type CellCounters } from '../engine/cell.rules';
import {
  acknowledgedAlert,
  alertStep,
  conditionOf,
  dimensionLabel,
  dimensionOfLabel,
  firedAlert,
  holds,
  measure,
  newRule,
  resolvedAlert,
  watches,
  type NewRuleInput,
} from './monitoring.rules';

const NOW = new Date('2026-03-02T08:00:00.000Z');
const ID = '2f0c5a8e-6d1b-4c3a-9e7f-0a1b2c3d4e5f';
const input = (overrides: Partial<NewRuleInput> = {}): NewRuleInput => ({
  name: 'SLA breach rate over the last hour',
  kpi: 'SLA_BREACH_RATE',
  comparator: 'ABOVE',
  threshold: 0.1,
  windowMinutes: 60,
  dimension: null,
  dimensionKindOnly: null,
  severity: 'CRITICAL',
  ...overrides,
});
const cell = (values: Partial<CellCounters>): CellCounters => ({ ...emptyCounters(), ...values });

describe('threshold rules', () => {
  const rule = newRule(ID, input(), NOW);

  it('holds when the breach rate over the window is above the threshold, with enough samples', () => {
    // 2 of 10 resolutions missed their SLA: 20 % > 10 %
    expect(measure(rule, cell({ slaKnown: 10, slaBreached: 2 }))).toEqual({ value: 0.2, samples: 10 });
    expect(holds(rule, measure(rule, cell({ slaKnown: 10, slaBreached: 2 })))).toBe(true);
    // exactly 10 % is not above
    expect(holds(rule, measure(rule, cell({ slaKnown: 10, slaBreached: 1 })))).toBe(false);
    // 1 of 2 is 50 %, but two samples are fewer than the default minimum of 3
    expect(holds(rule, measure(rule, cell({ slaKnown: 2, slaBreached: 1 })))).toBe(false);
    // nothing to measure: the condition clears
    expect(holds(rule, measure(rule, emptyCounters()))).toBe(false);
  });

  it('BELOW watches a floor, e.g. CSAT under 4', () => {
    const csat = newRule(ID, input({ kpi: 'CSAT_AVERAGE', comparator: 'BELOW', threshold: 4 }), NOW);
    // (5 + 3 + 2) / 3 = 3.33 < 4
    expect(holds(csat, measure(csat, cell({ surveys: 3, surveyScoreTotal: 10 })))).toBe(true);
    expect(holds(csat, measure(csat, cell({ surveys: 3, surveyScoreTotal: 13 })))).toBe(false);
  });
});

describe('surge rules', () => {
  const surge = newRule(
    ID,
    input({ kpi: 'TICKET_SURGE', threshold: 3, dimensionKindOnly: 'CATEGORY', minimumSamples: 1 }),
    NOW,
  );

  it('compares the last hour with the trailing 7-day hourly mean', () => {
    // 336 tickets in 168 hours = 2 per hour; 7 in the last hour = 3.5× > 3×
    expect(measure(surge, cell({ intake: 7 }), cell({ intake: 336 }))).toEqual({ value: 3.5, samples: 7 });
    expect(holds(surge, measure(surge, cell({ intake: 7 }), cell({ intake: 336 })))).toBe(true);
    // 6 in the hour = 3×: not above
    expect(holds(surge, measure(surge, cell({ intake: 6 }), cell({ intake: 336 })))).toBe(false);
  });

  it('counts a quiet week as one ticket, so the ratio stays finite', () => {
    // mean = 1 / 168 per hour; 1 ticket = 168×
    expect(measure(surge, cell({ intake: 1 }), emptyCounters()).value).toBeCloseTo(168);
  });

  it('watches every category separately when no value is given', () => {
    expect(watches(surge, { kind: 'CATEGORY', value: 'SYSTEM_FAULT' })).toBe(true);
    expect(watches(surge, { kind: 'KIND', value: 'FAULT' })).toBe(false);
  });
});

describe('rule validation', () => {
  it.each([
    [{ name: '  ' }, 'input.name'],
    [{ threshold: -1 }, 'input.threshold'],
    [{ windowMinutes: 0 }, 'input.windowMinutes'],
    [{ minimumSamples: 0 }, 'input.minimumSamples'],
  ])('refuses %p naming %s', (overrides, field) => {
    expect(() => newRule(ID, input(overrides), NOW)).toThrow(BadUserInputError);
    try {
      newRule(ID, input(overrides), NOW);
    } catch (error) {
      expect((error as BadUserInputError).extensions).toMatchObject({ field });
    }
  });
});

describe('alert lifecycle', () => {
  const rule = newRule(ID, input(), NOW);
  const fired = firedAlert('a1', rule, { kind: 'OVERALL', value: '*' }, 0.2, NOW);

  it('fires once per condition, resolves when it clears', () => {
    expect(alertStep(null, true)).toBe('FIRE');
    expect(alertStep(fired, true)).toBeNull(); // deduplicated
    expect(alertStep(fired, false)).toBe('RESOLVE');
    expect(alertStep(null, false)).toBeNull();
  });

  it('goes FIRING → ACKNOWLEDGED → RESOLVED, and refuses the other moves with CONFLICT', () => {
    const later = new Date('2026-03-02T08:05:00.000Z');
    const acknowledged = acknowledgedAlert(fired, 'user-1', later);
    expect(acknowledged).toMatchObject({
      status: 'ACKNOWLEDGED',
      acknowledgedBy: 'user-1',
      dimension: 'OVERALL',
    });
    expect(() => acknowledgedAlert(acknowledged, 'user-1', later)).toThrow(ConflictError);
    const resolved = resolvedAlert(acknowledged, 0.05, later);
    expect(resolved).toMatchObject({ status: 'RESOLVED', resolvedValue: 0.05 });
    expect(() => resolvedAlert(resolved, null, later)).toThrow(ConflictError);
  });
});

describe('target-miss rules', () => {
  const rule = newRule(
    ID,
    input({
      kpi: 'CSAT_AVERAGE',
      comparator: 'MISSES_TARGET',
      threshold: null,
      dimensionKindOnly: 'DEPARTMENT',
    }),
    NOW,
  );
  const csat = (average: number) => measure(rule, cell({ surveys: 4, surveyScoreTotal: average * 4 }));

  it('judges against the dimension’s target: an AT_LEAST target is missed below it, an AT_MOST one above it', () => {
    const atLeast = conditionOf(rule, { comparator: 'AT_LEAST', target: 4.5 });
    expect(atLeast).toEqual({ comparator: 'BELOW', threshold: 4.5 });
    expect(holds(rule, csat(4.25), atLeast)).toBe(true);
    // exactly on target is attained (attainment uses ≥), so no miss
    expect(holds(rule, csat(4.5), atLeast)).toBe(false);
    const atMost = conditionOf(rule, { comparator: 'AT_MOST', target: 4 });
    expect(atMost).toEqual({ comparator: 'ABOVE', threshold: 4 });
    expect(holds(rule, csat(4.25), atMost)).toBe(true);
    expect(holds(rule, csat(4), atMost)).toBe(false);
  });

  it('never holds without a target, and stores no threshold of its own', () => {
    expect(conditionOf(rule, null)).toBeNull();
    expect(holds(rule, csat(1))).toBe(false);
    expect(rule.threshold).toBe(0);
    // the alert carries the target it missed
    expect(firedAlert('a1', rule, { kind: 'DEPARTMENT', value: 'd' }, 4.25, NOW, 4.5).threshold).toBe(4.5);
  });

  it('ABOVE and BELOW keep the rule’s own threshold', () => {
    const threshold = newRule(ID, input(), NOW);
    expect(conditionOf(threshold, { comparator: 'AT_LEAST', target: 9 })).toEqual({
      comparator: 'ABOVE',
      threshold: 0.1,
    });
  });

  it.each<[Partial<NewRuleInput>, string]>([
    [{ kpi: 'TICKETS', comparator: 'MISSES_TARGET', threshold: null }, 'input.kpi'],
    [{ kpi: 'TICKET_SURGE', comparator: 'MISSES_TARGET', threshold: null }, 'input.kpi'],
    [{ kpi: 'CSAT_AVERAGE', comparator: 'MISSES_TARGET', threshold: 4 }, 'input.threshold'],
    [{ comparator: 'ABOVE', threshold: null }, 'input.threshold'],
  ])('refuses %j naming %s', (overrides, field) => {
    expect(() => newRule(ID, input(overrides), NOW)).toThrow(BadUserInputError);
    const refusal = (() => {
      try {
        return newRule(ID, input(overrides), NOW);
      } catch (error) {
        return error as BadUserInputError;
      }
    })();
    expect(refusal).toMatchObject({ extensions: { field } });
  });
});

describe('alert dimension labels', () => {
  it('read back the dimension, including values with colons', () => {
    expect(dimensionOfLabel('OVERALL')).toEqual({ kind: 'OVERALL', value: '*' });
    expect(dimensionOfLabel('CATEGORY:net:wifi')).toEqual({ kind: 'CATEGORY', value: 'net:wifi' });
    const dimension = { kind: 'DEPARTMENT' as const, value: 'd-1' };
    expect(dimensionOfLabel(dimensionLabel(dimension))).toEqual(dimension);
  });
});
