import {
  applyContribution,
  backlogAt,
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

const DEPT = '11111111-1111-4111-8111-111111111111';
const EMP = '22222222-2222-4222-8222-222222222222';

function fact(overrides: Partial<TicketFact> = {}): TicketFact {
  return {
    ticketId: '33333333-3333-4333-8333-333333333333',
    kind: 'SERVICE_REQUEST',
    category: null,
    channel: 'PHONE',
    assigneeId: EMP,
    departmentId: DEPT,
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

/** The single (all-days-merged) cell of some facts. */
const cellOf = (facts: TicketFact[]): CellCounters =>
  facts
    .flatMap((f) => contributionsOf(f, 'UTC'))
    .reduce((cell, contribution) => applyContribution(cell, contribution, 1), emptyCounters());

describe('contributionsOf', () => {
  it('puts intake, first response and resolution each on the day it happened (in the zone)', () => {
    const resolved = fact({
      acknowledgedAt: '2026-03-02T20:00:00.000Z',
      firstResponseSeconds: 600,
      resolvedAt: '2026-03-04T10:00:00.000Z',
      resolutionSeconds: 7200,
      withinSla: false,
      satisfaction: 4,
    });
    expect(contributionsOf(resolved, 'UTC')).toEqual([
      {
        day: '2026-03-02',
        intake: { resolved: true, complaint: false, reopened: false },
        responseSeconds: 600,
      },
      { day: '2026-03-04', resolution: { seconds: 7200, withinSla: false, satisfaction: 4 } },
    ]);
    // In Hong Kong (UTC+8) the acknowledgement at 20:00Z is already the next day.
    expect(contributionsOf(resolved, 'Asia/Hong_Kong').map((c) => c.day)).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
    ]);
  });

  it('names every dimension the ticket belongs to', () => {
    expect(dimensionsOf(fact({ kind: 'FAULT', category: 'POWER', assigneeId: null }))).toEqual([
      { kind: 'OVERALL', value: '*' },
      { kind: 'CHANNEL', value: 'PHONE' },
      { kind: 'KIND', value: 'FAULT' },
      { kind: 'DEPARTMENT', value: DEPT },
      { kind: 'CATEGORY', value: 'POWER' },
    ]);
  });

  it('adds the customer tier the projection recorded, and none while it is unknown', () => {
    expect(dimensionsOf(fact({ customerTier: 'VIP' }))).toContainEqual({
      kind: 'CUSTOMER_TIER',
      value: 'VIP',
    });
    expect(dimensionsOf(fact({ customerTier: null })).map((d) => d.kind)).not.toContain('CUSTOMER_TIER');
    expect(dimensionsOf(fact({})).map((d) => d.kind)).not.toContain('CUSTOMER_TIER');
  });
});

describe('KPI formulas (hand-computed)', () => {
  // Four tickets:
  //  A resolved, response 60 s, resolution 1000 s within SLA, survey 5
  //  B resolved, response 300 s, resolution 3000 s breached, survey 3, reopened once before
  //  C complaint, acknowledged 120 s, open
  //  D open, no response
  const facts = [
    fact({
      ticketId: 'A',
      acknowledgedAt: '2026-03-02T08:01:00Z',
      firstResponseSeconds: 60,
      resolvedAt: '2026-03-02T09:00:00Z',
      resolutionSeconds: 1000,
      withinSla: true,
      satisfaction: 5,
    }),
    fact({
      ticketId: 'B',
      acknowledgedAt: '2026-03-02T08:05:00Z',
      firstResponseSeconds: 300,
      resolvedAt: '2026-03-03T09:00:00Z',
      resolutionSeconds: 3000,
      withinSla: false,
      satisfaction: 3,
      reopenVersions: [4],
    }),
    fact({
      ticketId: 'C',
      kind: 'COMPLAINT',
      acknowledgedAt: '2026-03-02T08:02:00Z',
      firstResponseSeconds: 120,
    }),
    fact({ ticketId: 'D' }),
  ];

  it('computes every figure from the merged cell', () => {
    const figures = kpiFigures(cellOf(facts), 2);
    expect(figures).toEqual({
      tickets: 4,
      ticketsResolved: 2,
      resolutionRate: 0.5, // 2 of 4 opened are resolved
      complaints: 1,
      complaintRate: 0.25, // 1 complaint ÷ 4 tickets
      reopenRate: 0.25, // B
      firstResponseCount: 3,
      firstResponseAverageSeconds: 160, // (60 + 300 + 120) / 3
      firstResponseP50Seconds: expect.any(Number),
      firstResponseP90Seconds: expect.any(Number),
      resolutionAverageSeconds: 2000, // (1000 + 3000) / 2
      resolutionP50Seconds: expect.any(Number),
      resolutionP90Seconds: expect.any(Number),
      slaBreachRate: 0.5, // B of A, B
      surveyCount: 2,
      csatAverage: 4, // (5 + 3) / 2
      csatDistribution: [0, 0, 1, 0, 1],
      backlogAtEnd: 2,
    });
    // Percentiles within the sketch's 1 %: nearest rank of [60, 120, 300] at 50 % is 120, at 90 % is 300.
    expect(Math.abs((figures.firstResponseP50Seconds as number) - 120)).toBeLessThanOrEqual(1.2);
    expect(Math.abs((figures.firstResponseP90Seconds as number) - 300)).toBeLessThanOrEqual(3);
    expect(Math.abs((figures.resolutionP50Seconds as number) - 1000)).toBeLessThanOrEqual(10);
    expect(Math.abs((figures.resolutionP90Seconds as number) - 3000)).toBeLessThanOrEqual(30);
  });

  it('gives null, never 0 %, when there is nothing to measure', () => {
    const figures = kpiFigures(emptyCounters(), 0);
    expect(figures.resolutionRate).toBeNull();
    expect(figures.csatAverage).toBeNull();
    expect(figures.firstResponseP90Seconds).toBeNull();
    expect(figures.slaBreachRate).toBeNull();
  });

  it('backlog at the end is intake minus resolutions of every day up to it', () => {
    expect(
      backlogAt([
        { intake: 4, resolved: 1 },
        { intake: 0, resolved: 1 },
        { intake: 3, resolved: 0 },
      ]),
    ).toBe(5);
  });

  it('taking a contribution out undoes putting it in (the cell becomes empty again)', () => {
    const [one] = facts;
    const cell = contributionsOf(one, 'UTC').reduce((c, x) => applyContribution(c, x, 1), emptyCounters());
    const undone = contributionsOf(one, 'UTC').reduce((c, x) => applyContribution(c, x, -1), cell);
    expect(undone).toEqual(emptyCounters());
    expect(isEmptyCell(undone)).toBe(true);
  });

  it('a merge of per-day cells equals one cell of all facts', () => {
    const perDay = new Map<string, CellCounters>();
    for (const contribution of facts.flatMap((f) => contributionsOf(f, 'UTC'))) {
      perDay.set(
        contribution.day,
        applyContribution(perDay.get(contribution.day) ?? emptyCounters(), contribution, 1),
      );
    }
    expect(perDay.size).toBe(2);
    expect(mergeCells(perDay.values())).toEqual(cellOf(facts));
  });
});

describe('windowCounters', () => {
  it('counts each part of a fact only when its moment is inside (from, to]', () => {
    const f = fact({
      openedAt: '2026-03-02T08:00:00.000Z',
      acknowledgedAt: '2026-03-02T08:30:00.000Z',
      firstResponseSeconds: 1800,
      resolvedAt: '2026-03-02T10:00:00.000Z',
      resolutionSeconds: 7200,
      withinSla: false,
    });
    const window = windowCounters(
      [f],
      new Date('2026-03-02T08:00:00.000Z'),
      new Date('2026-03-02T10:00:00.000Z'),
    );
    // opened exactly at `from`: outside; the response and the resolution are inside
    expect([window.intake, window.responses, window.resolved, window.slaBreached]).toEqual([0, 1, 1, 1]);
  });
});
