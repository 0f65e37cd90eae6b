// Monitoring rules and alerts (docs/product.md §KPI "Monitoring rules", "Alerts"): the limits of a rule as input,
// which dimension it watches, each KPI it can watch, the sample minimum and threshold taken strictly, and what an
// alert records.
import { BadUserInputError, ConflictError } from '@opsgraph/domain';
import { emptyCounters, type CellCounters } from '../engine/cell.rules';
import {
  acknowledgedAlert,
  dimensionLabel,
  firedAlert,
  holds,
  measure,
  newRule,
  resolvedAlert,
  watches,
  WINDOW_MINUTES_MAX,
  type NewRuleInput,
} from './monitoring.rules';

const NOW = new Date('2026-03-02T08:00:00.000Z');
const ID = '2f0c5a8e-6d1b-4c3a-9e7f-0a1b2c3d4e5f';
const input = (overrides: Partial<NewRuleInput> = {}): NewRuleInput => ({
  name: 'Complaints this hour',
  kpi: 'COMPLAINT_RATE',
  comparator: 'ABOVE',
  threshold: 0.1,
  windowMinutes: 60,
  dimension: null,
  dimensionKindOnly: null,
  severity: 'WARNING',
  ...overrides,
});
const cell = (values: Partial<CellCounters>): CellCounters => ({ ...emptyCounters(), ...values });
const refusal = (overrides: Partial<NewRuleInput>) => {
  try {
    newRule(ID, input(overrides), NOW);
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    const { message, details } = error as BadUserInputError;
    return { message, field: details['field'] };
  }
  throw new Error('accepted');
};

describe('a rule as input', () => {
  it('collapses and trims the blanks of its name', () => {
    expect(newRule(ID, input({ name: '  Complaints \n  this\thour ' }), NOW).name).toBe(
      'Complaints this hour',
    );
  });

  it('a name is 1 to 200 characters', () => {
    expect(newRule(ID, input({ name: 'x'.repeat(200) }), NOW).name).toHaveLength(200);
    expect(refusal({ name: 'x'.repeat(201) })).toEqual({
      message: 'name must be 1 to 200 characters',
      field: 'input.name',
    });
  });

  it('a threshold is a finite number ≥ 0; 0 is allowed', () => {
    expect(newRule(ID, input({ threshold: 0 }), NOW).threshold).toBe(0);
    expect(refusal({ threshold: Number.POSITIVE_INFINITY })).toEqual({
      message: 'threshold must be a number ≥ 0',
      field: 'input.threshold',
    });
    expect(refusal({ threshold: Number.NaN }).field).toBe('input.threshold');
  });

  it('a window is a whole number of minutes, 1 to 7 days', () => {
    expect(newRule(ID, input({ windowMinutes: 1 }), NOW).windowMinutes).toBe(1);
    expect(newRule(ID, input({ windowMinutes: WINDOW_MINUTES_MAX }), NOW).windowMinutes).toBe(7 * 24 * 60);
    expect(refusal({ windowMinutes: WINDOW_MINUTES_MAX + 1 })).toEqual({
      message: 'windowMinutes must be 1 to 10080',
      field: 'input.windowMinutes',
    });
    expect(refusal({ windowMinutes: 1.5 }).field).toBe('input.windowMinutes');
  });

  it('the sample minimum defaults to 3, may be 1, and is a whole number', () => {
    expect(newRule(ID, input(), NOW).minimumSamples).toBe(3);
    expect(newRule(ID, input({ minimumSamples: null }), NOW).minimumSamples).toBe(3);
    expect(newRule(ID, input({ minimumSamples: 1 }), NOW).minimumSamples).toBe(1);
    expect(refusal({ minimumSamples: 2.5 })).toEqual({
      message: 'minimumSamples must be an integer ≥ 1',
      field: 'input.minimumSamples',
    });
  });

  it('a new rule keeps what was asked, at version 0', () => {
    expect(newRule(ID, input({ severity: 'INFO', comparator: 'BELOW' }), NOW)).toEqual({
      id: ID,
      name: 'Complaints this hour',
      kpi: 'COMPLAINT_RATE',
      comparator: 'BELOW',
      threshold: 0.1,
      windowMinutes: 60,
      minimumSamples: 3,
      dimensionKind: 'OVERALL',
      dimensionValue: null,
      severity: 'INFO',
      version: 0,
      createdAt: NOW,
    });
  });
});

describe('which dimension a rule watches', () => {
  it('one value of a kind: that value only', () => {
    const rule = newRule(ID, input({ dimension: { kind: 'DEPARTMENT', value: 'd1' } }), NOW);
    expect(rule).toMatchObject({ dimensionKind: 'DEPARTMENT', dimensionValue: 'd1' });
    expect(watches(rule, { kind: 'DEPARTMENT', value: 'd1' })).toBe(true);
    expect(watches(rule, { kind: 'DEPARTMENT', value: 'd2' })).toBe(false);
    expect(watches(rule, { kind: 'EMPLOYEE', value: 'd1' })).toBe(false);
  });

  it('OVERALL is the one value "*"', () => {
    const rule = newRule(ID, input({ dimension: { kind: 'OVERALL', value: 'anything' } }), NOW);
    expect(rule).toMatchObject({ dimensionKind: 'OVERALL', dimensionValue: '*' });
    expect(watches(rule, { kind: 'OVERALL', value: '*' })).toBe(true);
  });

  it('a kind without a value: every value of it', () => {
    const rule = newRule(ID, input({ dimensionKindOnly: 'CHANNEL' }), NOW);
    expect(rule).toMatchObject({ dimensionKind: 'CHANNEL', dimensionValue: null });
    expect(watches(rule, { kind: 'CHANNEL', value: 'PHONE' })).toBe(true);
    expect(watches(rule, { kind: 'CHANNEL', value: 'WEB' })).toBe(true);
  });
});

describe('what each KPI measures over the window', () => {
  const rule = (kpi: NewRuleInput['kpi'], windowMinutes = 60) =>
    newRule(ID, input({ kpi, windowMinutes }), NOW);

  it('complaint rate: complaints of the intake', () => {
    expect(measure(rule('COMPLAINT_RATE'), cell({ intake: 8, complaints: 2 }))).toEqual({
      value: 0.25,
      samples: 8,
    });
  });

  it('first-response average: over the responses', () => {
    expect(
      measure(rule('FIRST_RESPONSE_AVERAGE_SECONDS'), cell({ responses: 4, responseSecondsTotal: 1200 })),
    ).toEqual({ value: 300, samples: 4 });
  });

  it('tickets: the intake itself', () => {
    expect(measure(rule('TICKETS'), cell({ intake: 12 }))).toEqual({ value: 12, samples: 12 });
  });

  it('CSAT average: over the surveys', () => {
    expect(measure(rule('CSAT_AVERAGE'), cell({ surveys: 4, surveyScoreTotal: 18 }))).toEqual({
      value: 4.5,
      samples: 4,
    });
  });

  it('a surge compares with the mean per window of the window’s own length', () => {
    // 30-minute windows: 336 in the week = 1 per window; 4 in the last half hour = 4×
    expect(measure(rule('TICKET_SURGE', 30), cell({ intake: 4 }), cell({ intake: 336 })).value).toBe(4);
  });

  it('a surge with no history yet counts the week before as one ticket', () => {
    // hourly windows: mean 1/168 per window, 2 tickets = 336×
    expect(measure(rule('TICKET_SURGE'), cell({ intake: 2 })).value).toBeCloseTo(336);
  });
});

describe('the condition', () => {
  const rule = newRule(ID, input({ threshold: 0.2 }), NOW);

  it('is judged from exactly the minimum number of samples', () => {
    expect(holds(rule, { value: 0.5, samples: 3 })).toBe(true);
    expect(holds(rule, { value: 0.5, samples: 2 })).toBe(false);
  });

  it('BELOW holds strictly under the threshold', () => {
    const floor = newRule(ID, input({ comparator: 'BELOW', threshold: 4 }), NOW);
    expect(holds(floor, { value: 4, samples: 5 })).toBe(false);
    expect(holds(floor, { value: 3.9, samples: 5 })).toBe(true);
  });
});

describe('alerts', () => {
  const rule = newRule(ID, input(), NOW);

  it('an alert names its dimension as KIND:value (OVERALL alone)', () => {
    expect(dimensionLabel({ kind: 'DEPARTMENT', value: 'd1' })).toBe('DEPARTMENT:d1');
    expect(dimensionLabel({ kind: 'OVERALL', value: '*' })).toBe('OVERALL');
  });

  it('a fired alert records the rule, the value, the threshold and when, and is FIRING', () => {
    expect(firedAlert('a1', rule, { kind: 'CHANNEL', value: 'PHONE' }, 0.3, NOW)).toEqual({
      id: 'a1',
      ruleId: ID,
      dimension: 'CHANNEL:PHONE',
      status: 'FIRING',
      value: 0.3,
      threshold: 0.1,
      firedAt: NOW,
      acknowledgedAt: null,
      acknowledgedBy: null,
      resolvedAt: null,
      resolvedValue: null,
      version: 0,
    });
  });

  it('a FIRING alert may resolve directly; refusals say why', () => {
    const fired = firedAlert('a1', rule, { kind: 'OVERALL', value: '*' }, 0.3, NOW);
    const resolved = resolvedAlert(fired, null, NOW);
    expect(resolved).toMatchObject({ status: 'RESOLVED', resolvedAt: NOW, resolvedValue: null });
    expect(() => resolvedAlert(resolved, null, NOW)).toThrow(
      new ConflictError('the alert is already RESOLVED'),
    );
    expect(() => acknowledgedAlert(resolved, 'u1', NOW)).toThrow(
      new ConflictError('only a FIRING alert can be acknowledged; it is RESOLVED'),
    );
  });
});
