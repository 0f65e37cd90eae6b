import { DEFAULT_KPI_WEIGHTS } from '../kpi-definitions/kpi-definition.rules';
import { sumMonths, type MonthFigures } from '../kpi-snapshots/month-figures.rules';
import {
  attendeeEffect,
  effectWindows,
  hasPassed,
  isEffectComplete,
  summarizeEffects,
} from './training-effect.rules';

const CS = DEFAULT_KPI_WEIGHTS.CS_SPECIALIST; // quality 25, efficiency 20
/** A month's snapshot figures: `handled` opened, `resolved` of them resolved, `withinSla` of those within SLA. */
const month = (handled: number, resolved: number, withinSla: number): MonthFigures => ({
  tickets: handled,
  ticketsResolved: resolved,
  resolutionRate: handled === 0 ? null : resolved / handled,
  slaBreachRate: resolved === 0 ? null : 1 - withinSla / resolved,
  complaintsAgainst: 0,
  surveyCount: 0,
  csatAverage: null,
});

describe('effect windows', () => {
  it('takes equal whole months before and after, leaving the session’s months out', () => {
    expect(effectWindows('2025-04-14', '2025-04-15', 3)).toEqual({
      before: ['2025-01', '2025-02', '2025-03'],
      after: ['2025-05', '2025-06', '2025-07'],
    });
  });
  it('spans a session over several months and the turn of the year', () => {
    expect(effectWindows('2024-11-28', '2025-01-03', 2)).toEqual({
      before: ['2024-09', '2024-10'],
      after: ['2025-02', '2025-03'],
    });
  });
  it('refuses an empty window', () => {
    expect(() => effectWindows('2025-04-14', '2025-04-15', 0)).toThrow(RangeError);
  });
  it('is complete once the after window is over', () => {
    const windows = effectWindows('2025-04-14', '2025-04-15', 3);
    expect(isEffectComplete(windows, '2025-07')).toBe(false);
    expect(isEffectComplete(windows, '2025-08')).toBe(true);
  });
});

describe('attendee effect', () => {
  it('sums each window’s months and compares the KPI scores', () => {
    // before: 10 handled, 6 resolved (60 %), 3 of 6 within SLA → quality mean(60, 100) = 80, efficiency 50
    //   → (80·25 + 50·20)/45 = 66.67 (the change is taken between the shown, rounded scores)
    // after: 10 handled, 9 resolved (90 %), 8 of 9 within SLA → quality 95, efficiency 88.89 → (2375 + 1777.78)/45 = 92.28
    const before = [month(4, 2, 1), month(6, 4, 2)];
    const after = [month(5, 5, 4), month(5, 4, 4)];
    expect(sumMonths(before)).toMatchObject({ tickets: 10, ticketsResolved: 6, resolutionRate: 0.6 });
    expect(sumMonths(before)?.slaBreachRate).toBeCloseTo(0.5);
    expect(attendeeEffect('e1', before, after, CS)).toEqual({
      employeeId: 'e1',
      before: 66.67,
      after: 92.28,
      change: 25.61,
    });
  });
  it('has no change when a window has no tickets', () => {
    expect(attendeeEffect('e2', [], [month(1, 1, 1)], CS)).toEqual({
      employeeId: 'e2',
      before: null,
      after: 100,
      change: null,
    });
    expect(attendeeEffect('e3', [month(1, 1, 1)], [], CS)).toEqual({
      employeeId: 'e3',
      before: 100,
      after: null,
      change: null,
    });
  });
});

describe('summary', () => {
  it('averages the attendees measured in both windows', () => {
    expect(
      summarizeEffects([
        { employeeId: 'a', before: 60, after: 70, change: 10 },
        { employeeId: 'b', before: 80, after: 75, change: -5 },
        { employeeId: 'c', before: null, after: 90, change: null },
      ]),
    ).toEqual({ measured: 2, averageBefore: 70, averageAfter: 72.5, averageChange: 2.5 });
    expect(summarizeEffects([])).toEqual({
      measured: 0,
      averageBefore: null,
      averageAfter: null,
      averageChange: null,
    });
  });
});

describe('passing', () => {
  it.each([
    [60, null, true],
    [59.5, null, false],
    [null, 'PASSED', true],
    [40, 'PASSED', true],
    [null, 'FAILED', false],
    [null, null, false],
  ] as const)('exam %s, practical %s → %s', (exam, practical, passed) => {
    expect(hasPassed(exam, practical)).toBe(passed);
  });
});

describe('effect windows and sums in detail', () => {
  it('takes a one-month window and refuses a fraction of a month, saying so', () => {
    expect(effectWindows('2025-01-10', '2025-01-10', 1)).toEqual({ before: ['2024-12'], after: ['2025-02'] });
    expect(() => effectWindows('2025-04-14', '2025-04-15', 1.5)).toThrow('window must be ≥ 1 month, got 1.5');
  });
});
