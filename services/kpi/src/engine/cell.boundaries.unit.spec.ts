// KPI cells (docs/product.md §KPI "Facts and cells", "When a figure counts"): a day with only a response or only a
// resolution is still a cell, a part without its measure counts without a time, windows are (from, to], and a merge
// sums every counter.
import {
  applyContribution,
  contributionsOf,
  dimensionsOf,
  emptyCounters,
  isEmptyCell,
  kpiFigures,
  mergeCells,
  windowCounters,
  type CellCounters,
} from './cell.rules';
import type { TicketFact } from './ticket-fact.rules';

function fact(overrides: Partial<TicketFact> = {}): TicketFact {
  return {
    ticketId: 't1',
    kind: 'SERVICE_REQUEST',
    category: null,
    channel: 'WEB',
    assigneeId: null,
    departmentId: null,
    openedAt: '2026-03-02T08:00:00.000Z',
    acknowledgedAt: null,
    resolvedAt: null,
    status: 'NEW',
    responseDueAt: null,
    resolutionDueAt: null,
    snapshotVersion: 1,
    firstResponseSeconds: null,
    responseVersion: 0,
    resolutionSeconds: null,
    withinSla: null,
    resolutionVersion: 0,
    satisfaction: null,
    surveyVersion: 0,
    reopenVersions: [],
    ...overrides,
  };
}
const cellOf = (facts: TicketFact[]): CellCounters =>
  facts
    .flatMap((f) => contributionsOf(f, 'UTC'))
    .reduce((cell, contribution) => applyContribution(cell, contribution, 1), emptyCounters());

describe('which cells have a row', () => {
  it('a day with only a first response, or only a resolution, is not empty', () => {
    expect(isEmptyCell({ ...emptyCounters(), responses: 1 })).toBe(false);
    expect(isEmptyCell({ ...emptyCounters(), resolved: 1 })).toBe(false);
    expect(isEmptyCell({ ...emptyCounters(), intake: 1 })).toBe(false);
  });
});

describe('dimensions', () => {
  it('a ticket without department, assignee or category is cut only by channel and kind', () => {
    expect(dimensionsOf(fact())).toEqual([
      { kind: 'OVERALL', value: '*' },
      { kind: 'CHANNEL', value: 'WEB' },
      { kind: 'KIND', value: 'SERVICE_REQUEST' },
    ]);
  });

  it('the assignee is an EMPLOYEE dimension', () => {
    expect(dimensionsOf(fact({ assigneeId: 'e1' }))).toContainEqual({ kind: 'EMPLOYEE', value: 'e1' });
  });
});

describe('when a figure counts', () => {
  it('an acknowledgement without a measured first response gives no response figure', () => {
    expect(contributionsOf(fact({ acknowledgedAt: '2026-03-02T09:00:00.000Z' }), 'UTC')).toEqual([
      { day: '2026-03-02', intake: { resolved: false, complaint: false, reopened: false } },
    ]);
  });

  it('a reopened ticket counts as reopened intake, not resolved, with no resolution until resolved again', () => {
    const reopened = fact({ reopenVersions: [4], resolutionSeconds: 600, withinSla: true });
    expect(contributionsOf(reopened, 'UTC')).toEqual([
      { day: '2026-03-02', intake: { resolved: false, complaint: false, reopened: true } },
    ]);
  });

  it('a resolution without time, SLA or survey counts as a resolution only', () => {
    const figures = kpiFigures(
      cellOf([
        fact({ resolvedAt: '2026-03-02T10:00:00.000Z' }),
        fact({
          resolvedAt: '2026-03-02T11:00:00.000Z',
          resolutionSeconds: 600,
          withinSla: true,
          satisfaction: 2,
        }),
      ]),
      0,
    );
    expect(figures).toMatchObject({
      ticketsResolved: 2,
      resolutionAverageSeconds: 600, // over the one timed resolution
      slaBreachRate: 0, // one known, met
      surveyCount: 1,
      csatAverage: 2,
      csatDistribution: [0, 1, 0, 0, 0],
    });
  });
});

describe('a window is (from, to]', () => {
  const from = new Date('2026-03-02T07:00:00.000Z');
  const to = new Date('2026-03-02T08:00:00.000Z');

  it('a ticket opened exactly at the end counts; one opened after it does not', () => {
    expect(windowCounters([fact()], from, to).intake).toBe(1);
    expect(windowCounters([fact({ openedAt: '2026-03-02T08:00:00.001Z' })], from, to).intake).toBe(0);
  });

  it('a complaint opened inside counts as intake and complaint', () => {
    const window = windowCounters([fact({ kind: 'COMPLAINT' })], from, to);
    expect([window.intake, window.complaints]).toEqual([1, 1]);
  });

  it('an acknowledgement inside without a measured response is no response', () => {
    const acknowledged = fact({
      openedAt: '2026-03-02T06:00:00.000Z',
      acknowledgedAt: '2026-03-02T07:30:00.000Z',
    });
    expect(windowCounters([acknowledged], from, to).responses).toBe(0);
    expect(
      windowCounters([{ ...acknowledged, firstResponseSeconds: 5400 }], from, to).responseSecondsTotal,
    ).toBe(5400);
  });

  it('a ticket not yet acknowledged or resolved adds only its intake', () => {
    const window = windowCounters([fact()], from, to);
    expect([window.responses, window.resolved]).toEqual([0, 0]);
  });
});

describe('a merge of cells sums every counter', () => {
  it('complaints, reopenings, timed resolutions, SLA and surveys of two days add up', () => {
    const day1 = cellOf([
      fact({ kind: 'COMPLAINT', reopenVersions: [3] }),
      fact({
        resolvedAt: '2026-03-02T10:00:00.000Z',
        resolutionSeconds: 100,
        withinSla: false,
        satisfaction: 5,
      }),
    ]);
    const day2 = cellOf([
      fact({
        openedAt: '2026-03-03T08:00:00.000Z',
        kind: 'COMPLAINT',
        acknowledgedAt: '2026-03-03T08:10:00.000Z',
        firstResponseSeconds: 600,
        resolvedAt: '2026-03-03T10:00:00.000Z',
        resolutionSeconds: 300,
        withinSla: true,
        satisfaction: 4,
      }),
    ]);
    const merged = mergeCells([day1, day2]);
    expect(merged).toMatchObject({
      intake: 3,
      intakeResolved: 2,
      complaints: 2,
      reopened: 1,
      responses: 1,
      responseSecondsTotal: 600,
      resolved: 2,
      resolutionSecondsTotal: 400,
      slaKnown: 2,
      slaBreached: 1,
      surveys: 2,
      surveyScoreTotal: 9,
      surveyDistribution: [0, 0, 0, 1, 1],
    });
    expect(kpiFigures(merged, 0).resolutionAverageSeconds).toBe(200);
  });
});
