import { KpiSnapshotMonthUpdated, KpiSnapshotPeriodClosed } from '@opsgraph/contracts-events';
import { eventDataSamples } from '@opsgraph/contracts-events/testing';
import { scorecard } from '../appraisals/scoring.rules';
import { MARCH_FIGURES } from '../testing/kpi-snapshots';
import {
  employeeMonthOf,
  MONTH_UPDATED,
  NO_FIGURES,
  periodFigures,
  PERIOD_CLOSED,
  sumMonths,
  supersedes,
  type MonthFigures,
  type SnapshotEventLike,
} from './month-figures.rules';

const ANA = 'a0000000-0000-4000-8000-0000000000aa';

const figures = MARCH_FIGURES;

const event = (
  type: string,
  overrides: Partial<SnapshotEventLike['data']> = {},
  extra: Partial<SnapshotEventLike['data']['figures']> = {},
): SnapshotEventLike => ({
  type,
  data: {
    periodKind: 'MONTH',
    periodStart: '2025-03-01',
    dimensionKind: 'EMPLOYEE',
    dimensionValue: ANA,
    asOf: '2025-04-01T00:00:05+08:00',
    figures: { ...figures, ...extra },
    ...overrides,
  },
});

const month = (overrides: Partial<MonthFigures> = {}): MonthFigures => ({
  tickets: 0,
  ticketsResolved: 0,
  resolutionRate: null,
  slaBreachRate: null,
  complaintsAgainst: 0,
  surveyCount: 0,
  csatAverage: null,
  ...overrides,
});

describe('employeeMonthOf', () => {
  it('reads the contract’s month update of an employee (and not of a department)', () => {
    expect([PERIOD_CLOSED, MONTH_UPDATED]).toEqual([
      KpiSnapshotPeriodClosed.type,
      KpiSnapshotMonthUpdated.type,
    ]);
    const data = eventDataSamples[KpiSnapshotMonthUpdated.type];
    const employee = { ...data, dimensionKind: 'EMPLOYEE', dimensionValue: ANA };
    expect(employeeMonthOf({ type: KpiSnapshotMonthUpdated.type, data: employee })).toMatchObject({
      employeeId: ANA,
      month: '2025-03',
      source: 'LIVE',
      figures: { tickets: data.figures.tickets },
    });
    expect(employeeMonthOf({ type: KpiSnapshotMonthUpdated.type, data })).toBeNull();
  });

  it('keeps a month close of an employee: the month of its first day, the figures appraisals read', () => {
    expect(employeeMonthOf(event(PERIOD_CLOSED, {}, { complaintsAgainst: 1 }))).toEqual({
      employeeId: ANA,
      month: '2025-03',
      source: 'CLOSED',
      asOf: '2025-03-31T16:00:05.000Z',
      figures: {
        tickets: 4,
        ticketsResolved: 3,
        resolutionRate: 0.75,
        slaBreachRate: 1 / 3,
        complaintsAgainst: 1,
        surveyCount: 2,
        csatAverage: 4,
      },
    });
  });

  it('keeps the running month’s live figures as LIVE', () => {
    expect(employeeMonthOf(event(MONTH_UPDATED))).toMatchObject({ source: 'LIVE', month: '2025-03' });
  });

  it('counts no complaints when the snapshot has no complaint figure (older publishers)', () => {
    expect(employeeMonthOf(event(PERIOD_CLOSED))?.figures.complaintsAgainst).toBe(0);
  });

  it('ignores other period kinds, other dimensions and day-cell live updates', () => {
    expect(employeeMonthOf(event(PERIOD_CLOSED, { periodKind: 'QUARTER' }))).toBeNull();
    expect(employeeMonthOf(event(PERIOD_CLOSED, { periodKind: 'DAY' }))).toBeNull();
    expect(employeeMonthOf(event(PERIOD_CLOSED, { dimensionKind: 'DEPARTMENT' }))).toBeNull();
    expect(
      employeeMonthOf(event(MONTH_UPDATED, { dimensionKind: 'OVERALL', dimensionValue: '*' })),
    ).toBeNull();
    expect(employeeMonthOf(event('kpi-snapshot.live_updated'))).toBeNull();
    expect(employeeMonthOf(event('constructor'))).toBeNull();
  });
});

describe('supersedes', () => {
  const live = (asOf: string) => ({ source: 'LIVE' as const, asOf });
  const closed = (asOf: string) => ({ source: 'CLOSED' as const, asOf });

  it('takes the first publication of a month', () => {
    expect(supersedes(live('2025-03-10T00:00:00.000Z'), null)).toBe(true);
    expect(supersedes(closed('2025-04-01T00:00:00.000Z'), null)).toBe(true);
  });

  it('lets a close win over live updates, whichever arrives first', () => {
    expect(supersedes(closed('2025-04-01T00:00:00.000Z'), live('2025-04-01T00:00:30.000Z'))).toBe(true);
    expect(supersedes(live('2025-04-01T00:00:30.000Z'), closed('2025-04-01T00:00:00.000Z'))).toBe(false);
  });

  it('among live updates keeps the one read later; an older or duplicate one changes nothing', () => {
    expect(supersedes(live('2025-03-10T00:01:00.000Z'), live('2025-03-10T00:00:00.000Z'))).toBe(true);
    expect(supersedes(live('2025-03-10T00:00:00.000Z'), live('2025-03-10T00:01:00.000Z'))).toBe(false);
    expect(supersedes(live('2025-03-10T00:00:00.000Z'), live('2025-03-10T00:00:00.000Z'))).toBe(false);
  });

  it('compares instants, not texts (offsets)', () => {
    expect(supersedes(live('2025-03-10T08:01:00+08:00'), live('2025-03-10T00:00:30.000Z'))).toBe(true);
    expect(supersedes(live('2025-03-10T00:00:30.000Z'), live('2025-03-10T08:01:00+08:00'))).toBe(false);
  });

  it('a republished close replaces the stored one only when read later', () => {
    expect(supersedes(closed('2025-04-02T00:00:00.000Z'), closed('2025-04-01T00:00:00.000Z'))).toBe(true);
    expect(supersedes(closed('2025-04-01T00:00:00.000Z'), closed('2025-04-01T00:00:00.000Z'))).toBe(false);
  });
});

describe('periodFigures', () => {
  it('is "nothing measured" without a snapshot', () => {
    expect(periodFigures(null)).toEqual({
      ticketsHandled: 0,
      resolutionRate: null,
      resolvedWithinSlaShare: null,
      complaintsAgainst: 0,
      surveyCount: 0,
      averageSatisfaction: null,
    });
    expect(periodFigures(null)).toBe(NO_FIGURES);
  });

  it('maps tickets to handled, the SLA breach rate to its complement, CSAT to satisfaction', () => {
    expect(
      periodFigures(
        month({
          tickets: 4,
          ticketsResolved: 3,
          resolutionRate: 0.75,
          slaBreachRate: 0.25,
          complaintsAgainst: 2,
          surveyCount: 2,
          csatAverage: 4,
        }),
      ),
    ).toEqual({
      ticketsHandled: 4,
      resolutionRate: 0.75,
      resolvedWithinSlaShare: 0.75,
      complaintsAgainst: 2,
      surveyCount: 2,
      averageSatisfaction: 4,
    });
  });

  it('keeps an unmeasured SLA share unmeasured (not 100 %)', () => {
    expect(periodFigures(month({ tickets: 1, slaBreachRate: null })).resolvedWithinSlaShare).toBeNull();
    expect(periodFigures(month({ tickets: 1, slaBreachRate: 0 })).resolvedWithinSlaShare).toBe(1);
  });

  it('scores a month as the appraisal documents it (Ana’s March: KPI 78.24, customer 75)', () => {
    const card = scorecard(
      periodFigures(month(MARCH_FIGURES)),
      { self: null, manager: null, peers: [] },
      { SERVICE_QUALITY: 25, EFFICIENCY: 20, CUSTOMER_SATISFACTION: 35, TEAMWORK: 10, ATTITUDE: 10 },
      20,
    );
    expect(card).toMatchObject({ kpiScore: 78.24, customerScore: 75 });
  });
});

describe('sumMonths', () => {
  it('is null for an empty window', () => {
    expect(sumMonths([])).toBeNull();
  });

  it('adds the counts and weighs each rate by what it measures', () => {
    const sum = sumMonths([
      month({
        tickets: 1,
        ticketsResolved: 1,
        resolutionRate: 1,
        slaBreachRate: 0,
        complaintsAgainst: 1,
        surveyCount: 1,
        csatAverage: 5,
      }),
      month({
        tickets: 3,
        ticketsResolved: 2,
        resolutionRate: 1 / 3,
        slaBreachRate: 0.5,
        surveyCount: 3,
        csatAverage: 1,
      }),
    ]);
    expect(sum).toEqual({
      tickets: 4,
      ticketsResolved: 3,
      resolutionRate: 0.5,
      slaBreachRate: 1 / 3,
      complaintsAgainst: 1,
      surveyCount: 4,
      csatAverage: 2,
    });
  });

  it('leaves months without a rate out of that rate, and keeps null when no month measured it', () => {
    const sum = sumMonths([
      month({ tickets: 2, resolutionRate: 0.5 }),
      month({ tickets: 0, ticketsResolved: 1, resolutionRate: null, slaBreachRate: null }),
      month({ tickets: 0, resolutionRate: 0.9 }),
    ]);
    expect(sum).toMatchObject({
      tickets: 2,
      ticketsResolved: 1,
      resolutionRate: 0.5,
      slaBreachRate: null,
      csatAverage: null,
    });
  });
});
