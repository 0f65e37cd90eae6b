// The rebuild from facts: the cells equal what the live engine keeps by adding and taking out contributions as the
// facts change (fact-changes.ts), whatever the order of the facts, under the definition given.
import { applyContribution, cellContributionsOf, emptyCounters, isEmptyCell } from '../engine/cell.rules';
import type { TicketFact } from '../engine/ticket-fact.rules';
import { addFact, rebuiltCells, type CellAccumulator } from './cell-rebuild.rules';
import { INITIAL_PARAMETERS, measuredFact, type KpiDefinitionParameters } from './kpi-definition.rules';

function fact(overrides: Partial<TicketFact> = {}): TicketFact {
  return {
    ticketId: 't1',
    kind: 'SERVICE_REQUEST',
    category: null,
    channel: 'WEB',
    assigneeId: null,
    departmentId: 'd1',
    openedAt: '2026-03-02T08:00:00.000Z',
    acknowledgedAt: '2026-03-02T09:00:00.000Z',
    resolvedAt: '2026-03-03T12:30:00.000Z',
    status: 'RESOLVED',
    responseDueAt: null,
    resolutionDueAt: '2026-03-03T12:00:00.000Z',
    snapshotVersion: 3,
    firstResponseSeconds: 3600,
    responseVersion: 2,
    resolutionSeconds: 16_200,
    withinSla: false,
    resolutionVersion: 3,
    satisfaction: 4,
    surveyVersion: 4,
    reopenVersions: [],
    ...overrides,
  };
}

const facts = [
  fact(),
  fact({ ticketId: 't2', acknowledgedAt: null, firstResponseSeconds: null, channel: 'EMAIL' }),
  fact({ ticketId: 't3', resolvedAt: null, status: 'ASSIGNED', withinSla: null, departmentId: null }),
  fact({ ticketId: 't4', mergedIntoId: 't1' }),
];
const GRACE: KpiDefinitionParameters = {
  slaGraceSeconds: 3600,
  firstResponse: 'ACKNOWLEDGEMENT_OR_RESOLUTION',
};

/** The live engine's way: each fact's contributions added cell by cell (what writeFactChanges sums). */
function live(all: readonly TicketFact[], parameters: KpiDefinitionParameters) {
  const cells = new Map<string, ReturnType<typeof emptyCounters>>();
  for (const stored of all) {
    for (const { dimension, contribution } of cellContributionsOf(measuredFact(stored, parameters), 'UTC')) {
      const key = `${dimension.kind}|${dimension.value}|${contribution.day}`;
      cells.set(key, applyContribution(cells.get(key) ?? emptyCounters(), contribution, 1));
    }
  }
  return [...cells.entries()]
    .filter(([, counters]) => !isEmptyCell(counters))
    .sort(([a], [b]) => a.localeCompare(b));
}

const rebuild = (all: readonly TicketFact[], parameters: KpiDefinitionParameters) =>
  rebuiltCells(all.reduce<CellAccumulator>((cells, f) => addFact(cells, f, 'UTC', parameters), new Map()));

describe('rebuild of the ticket cells from facts', () => {
  it('equals the live engine’s cells, in key order, under either definition', () => {
    for (const parameters of [INITIAL_PARAMETERS, GRACE]) {
      const rebuilt = rebuild(facts, parameters);
      expect(
        rebuilt.map((cell) => [`${cell.dimension.kind}|${cell.dimension.value}|${cell.day}`, cell.counters]),
      ).toEqual(live(facts, parameters));
    }
  });

  it('does not depend on the order of the facts', () => {
    expect(rebuild([...facts].reverse(), GRACE)).toEqual(rebuild(facts, GRACE));
  });

  it('measures under the definition: the grace turns t1’s 30-minute breach into a met SLA', () => {
    const overall = (parameters: KpiDefinitionParameters) =>
      rebuild(facts, parameters).find(
        (cell) => cell.dimension.kind === 'OVERALL' && cell.day === '2026-03-03',
      )?.counters;
    expect(overall(INITIAL_PARAMETERS)).toMatchObject({
      resolved: 2,
      slaKnown: 2,
      slaBreached: 2,
      responses: 0,
    });
    // t2's resolution becomes its first response on 03-03
    expect(overall(GRACE)).toMatchObject({ resolved: 2, slaKnown: 2, slaBreached: 0, responses: 1 });
  });

  it('holds no cell for a merged duplicate alone, and no empty cell', () => {
    const rebuilt = rebuild([fact({ mergedIntoId: 't0' })], INITIAL_PARAMETERS);
    expect(rebuilt).toEqual([]);
    const cells: CellAccumulator = new Map([
      [
        'OVERALL|*|2026-03-01',
        { dimension: { kind: 'OVERALL', value: '*' }, day: '2026-03-01', counters: emptyCounters() },
      ],
    ]);
    expect(rebuiltCells(cells)).toEqual([]);
  });

  it('returns the accumulator it filled', () => {
    const cells: CellAccumulator = new Map();
    expect(addFact(cells, fact(), 'UTC', INITIAL_PARAMETERS)).toBe(cells);
    expect(cells.size).toBeGreaterThan(0);
  });
});
