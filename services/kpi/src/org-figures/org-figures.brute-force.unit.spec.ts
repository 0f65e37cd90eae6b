// Employee.kpi / Department.kpi from merged day cells against a brute-force exact computation over the facts
// (the monthly fold the service used before the cells): on random facts every figure is equal and the p90 is within
// 1 % of the exact nearest-rank value (plus the rounding to the whole second). And the cells a live engine keeps —
// taking each fact's old contribution out and putting its new one in, in any order — equal a rebuild from the final
// facts, complaints against and the latest event included.
import {
  addFact,
  lastEventOfCell,
  rebuiltCells,
  type CellAccumulator,
} from '../definitions/cell-rebuild.rules';
import { INITIAL_PARAMETERS } from '../definitions/kpi-definition.rules';
import {
  applyContribution,
  cellContributionsOf,
  emptyCounters,
  isEmptyCell,
  lastEventAfter,
  mergeCells,
  type CellCounters,
  type DimensionKind,
} from '../engine/cell.rules';
import { dayOf } from '../engine/period.rules';
import type { TicketFact } from '../engine/ticket-fact.rules';
import {
  daysOfMonth,
  monthlyFigures,
  monthOf,
  type Month,
  type MonthlyFigures,
} from './monthly-figures.rules';

const EMPLOYEES = ['e1', 'e2', 'e3', 'e4'];
const DEPARTMENTS = ['d1', 'd2', 'd3'];
const ZONES = ['UTC', 'Asia/Hong_Kong', 'America/New_York'];

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Subject {
  kind: 'EMPLOYEE' | 'DEPARTMENT';
  ids: ReadonlySet<string>;
}

/** The exact monthly fold over facts (nearest-rank p90): the brute force the cells must agree with. */
function exactFigures(
  facts: readonly TicketFact[],
  month: Month,
  subject: Subject,
  timeZone: string,
): MonthlyFigures {
  const inMonth = (instant: string | null) => instant !== null && monthOf(instant, timeZone) === month;
  const handles = (fact: TicketFact) =>
    subject.ids.has((subject.kind === 'EMPLOYEE' ? fact.assigneeId : fact.departmentId) ?? '');
  const blames = (fact: TicketFact) =>
    fact.kind === 'COMPLAINT' &&
    subject.ids.has(
      (subject.kind === 'EMPLOYEE' ? fact.complaintEmployeeId : fact.complaintDepartmentId) ?? '',
    );
  let handled = 0;
  let handledResolved = 0;
  let resolved = 0;
  let slaKnown = 0;
  let withinSla = 0;
  let surveys = 0;
  let surveyTotal = 0;
  let complaints = 0;
  const responses: number[] = [];
  let lastEventAt: string | null = null;
  const touch = (fact: TicketFact) => {
    const at = fact.lastEventAt ?? fact.openedAt;
    if (lastEventAt === null || Date.parse(at) > Date.parse(lastEventAt)) lastEventAt = at;
  };
  for (const fact of facts) {
    if (fact.mergedIntoId) continue;
    if (handles(fact)) {
      if (inMonth(fact.openedAt)) {
        handled += 1;
        if (fact.resolvedAt !== null) handledResolved += 1;
        touch(fact);
      }
      if (fact.firstResponseSeconds !== null && inMonth(fact.acknowledgedAt)) {
        responses.push(fact.firstResponseSeconds);
        touch(fact);
      }
      if (inMonth(fact.resolvedAt)) {
        resolved += 1;
        if (fact.withinSla !== null) {
          slaKnown += 1;
          if (fact.withinSla) withinSla += 1;
        }
        if (fact.satisfaction !== null) {
          surveys += 1;
          surveyTotal += fact.satisfaction;
        }
        touch(fact);
      }
    }
    if (blames(fact) && inMonth(fact.openedAt)) {
      complaints += 1;
      touch(fact);
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
  const sorted = [...responses].sort((a, b) => a - b);
  return {
    ticketsHandled: handled,
    ticketsResolved: resolved,
    resolutionRate: ratio(handledResolved, handled),
    firstResponseCount: responses.length,
    firstResponseAverageSeconds: ratio(
      responses.reduce((sum, seconds) => sum + seconds, 0),
      responses.length,
    ),
    firstResponseP90Seconds:
      sorted.length === 0 ? null : sorted[Math.max(Math.ceil(0.9 * sorted.length), 1) - 1],
    resolvedWithinSlaShare: ratio(withinSla, slaKnown),
    surveyCount: surveys,
    averageSatisfaction: ratio(surveyTotal, surveys),
    complaintsAgainst: complaints,
    lastEventAt,
  };
}

const pick = <T>(next: () => number, values: readonly T[]): T => values[Math.floor(next() * values.length)];
const iso = (ms: number) => new Date(ms).toISOString();

/** A random fact of March–April 2026 (integer business seconds, as the ticket service measures them). */
function randomFact(next: () => number, index: number): TicketFact {
  const opened = Date.parse('2026-02-26T00:00:00.000Z') + Math.floor(next() * 62 * 86_400_000);
  const responseSeconds = next() < 0.85 ? Math.floor(Math.exp(next() * 11)) : null;
  const acknowledged =
    responseSeconds === null ? null : opened + responseSeconds * 1000 + Math.floor(next() * 3600_000);
  const resolutionSeconds = next() < 0.6 ? Math.floor(Math.exp(next() * 13)) : null;
  const resolved = resolutionSeconds === null ? null : opened + resolutionSeconds * 1000;
  const complaint = next() < 0.25;
  const moments = [opened, acknowledged ?? 0, resolved ?? 0];
  return {
    ticketId: `t${index}`,
    kind: complaint ? 'COMPLAINT' : pick(next, ['SERVICE_REQUEST', 'FAULT']),
    category: null,
    channel: pick(next, ['PHONE', 'EMAIL']),
    assigneeId: next() < 0.9 ? pick(next, EMPLOYEES) : null,
    departmentId: next() < 0.9 ? pick(next, DEPARTMENTS) : null,
    openedAt: iso(opened),
    acknowledgedAt: acknowledged === null ? null : iso(acknowledged),
    resolvedAt: resolved === null ? null : iso(resolved),
    status: resolved === null ? 'IN_PROGRESS' : 'RESOLVED',
    responseDueAt: null,
    resolutionDueAt: null,
    snapshotVersion: 3,
    firstResponseSeconds: responseSeconds,
    responseVersion: responseSeconds === null ? 0 : 2,
    resolutionSeconds: resolved === null ? null : resolutionSeconds,
    withinSla: resolved === null || next() < 0.2 ? null : next() < 0.7,
    resolutionVersion: resolved === null ? 0 : 3,
    satisfaction: resolved !== null && next() < 0.5 ? 1 + Math.floor(next() * 5) : null,
    surveyVersion: 0,
    reopenVersions: next() < 0.1 ? [2] : [],
    mergedIntoId: next() < 0.05 ? 't0' : null,
    complaintEmployeeId: next() < 0.6 ? pick(next, [...EMPLOYEES, null]) : undefined,
    complaintDepartmentId: next() < 0.6 ? pick(next, [...DEPARTMENTS, null]) : undefined,
    complaintVersion: 4,
    // Some facts folded before lastEventAt was kept: their opening stands in.
    lastEventAt: next() < 0.05 ? undefined : iso(Math.max(...moments) + Math.floor(next() * 86_400_000)),
  };
}

/** The figures as the service computes them: the subject's cells of the month merged. */
function cellFigures(cells: CellAccumulator, month: Month, subject: Subject): MonthlyFigures {
  const days = daysOfMonth(month);
  return monthlyFigures(
    mergeCells(
      rebuiltCells(cells)
        .filter(
          (cell) =>
            cell.dimension.kind === subject.kind &&
            subject.ids.has(cell.dimension.value) &&
            cell.day >= days.start &&
            cell.day <= days.end,
        )
        .map((cell) => cell.counters),
    ),
  );
}

const SUBJECTS: Subject[] = [
  ...EMPLOYEES.map((id): Subject => ({ kind: 'EMPLOYEE', ids: new Set([id]) })),
  ...DEPARTMENTS.map((id): Subject => ({ kind: 'DEPARTMENT', ids: new Set([id]) })),
  { kind: 'DEPARTMENT', ids: new Set(['d1', 'd2']) },
  { kind: 'DEPARTMENT', ids: new Set(DEPARTMENTS) },
];

describe('month figures from merged cells against the brute-force exact fold', () => {
  it.each([1, 2, 3, 4, 5, 6])(
    'agrees on random facts (seed %i): p90 within 1 %, every other figure equal',
    (seed) => {
      const next = random(seed);
      const facts = Array.from({ length: 400 }, (_, index) => randomFact(next, index));
      const timeZone = ZONES[seed % ZONES.length];
      const cells: CellAccumulator = new Map();
      for (const fact of facts) addFact(cells, fact, timeZone, INITIAL_PARAMETERS);
      let compared = 0;
      for (const month of ['2026-02', '2026-03', '2026-04']) {
        for (const subject of SUBJECTS) {
          const exact = exactFigures(facts, month, subject, timeZone);
          const merged = cellFigures(cells, month, subject);
          const { firstResponseP90Seconds: p90, ...rest } = merged;
          const { firstResponseP90Seconds: exactP90, ...exactRest } = exact;
          expect(rest).toEqual(exactRest);
          if (exactP90 === null) expect(p90).toBeNull();
          else {
            expect(Math.abs((p90 as number) - exactP90)).toBeLessThanOrEqual(0.01 * exactP90 + 0.5);
            compared += 1;
          }
        }
      }
      expect(compared).toBeGreaterThan(10);
    },
  );

  it('keeps the p90 of small response times exact (within 1 % of a value under 50 s rounds back to it)', () => {
    const next = random(99);
    const facts = Array.from({ length: 200 }, (_, index) => ({
      ...randomFact(next, index),
      firstResponseSeconds: 1 + Math.floor(next() * 49),
      acknowledgedAt: '2026-03-10T10:00:00.000Z',
      assigneeId: 'e1',
      mergedIntoId: null,
    }));
    const cells: CellAccumulator = new Map();
    for (const fact of facts) addFact(cells, fact, 'UTC', INITIAL_PARAMETERS);
    const subject: Subject = { kind: 'EMPLOYEE', ids: new Set(['e1']) };
    expect(cellFigures(cells, '2026-03', subject).firstResponseP90Seconds).toBe(
      exactFigures(facts, '2026-03', subject, 'UTC').firstResponseP90Seconds,
    );
  });
});

/**
 * A live engine in memory: each fact change takes the old contribution out of its cells and puts the new one in;
 * the latest event follows `lastEventAfter`, recomputed from the current facts when it says so (as
 * engine/fact-changes.ts does with the facts near the cell).
 */
class LiveCells {
  readonly cells = new Map<string, CellCounters>();
  readonly facts = new Map<string, TicketFact>();
  recomputes = 0;

  constructor(private readonly timeZone: string) {}

  apply(after: TicketFact): void {
    const before = this.facts.get(after.ticketId) ?? null;
    this.facts.set(after.ticketId, after);
    const changes = new Map<
      string,
      Array<{ part: ReturnType<typeof cellContributionsOf>[number]; sign: 1 | -1 }>
    >();
    const collect = (fact: TicketFact, sign: 1 | -1) => {
      for (const part of cellContributionsOf(fact, this.timeZone)) {
        const key = `${part.dimension.kind}|${part.dimension.value}|${part.contribution.day}`;
        changes.set(key, [...(changes.get(key) ?? []), { part, sign }]);
      }
    };
    if (before) collect(before, -1);
    collect(after, 1);
    for (const [key, list] of changes) {
      const locked = this.cells.get(key) ?? emptyCounters();
      let cell = list.reduce((c, { part, sign }) => applyContribution(c, part.contribution, sign), locked);
      const moments = (sign: 1 | -1) =>
        list.filter((change) => change.sign === sign).map((change) => change.part.contribution.lastEventAt);
      const last = lastEventAfter(locked.lastEventAt, moments(-1), moments(1));
      if (last.recompute) this.recomputes += 1;
      const [kind, value, day] = key.split('|');
      cell = {
        ...cell,
        lastEventAt: last.recompute
          ? lastEventOfCell(
              this.facts.values(),
              { kind: kind as DimensionKind, value },
              day,
              this.timeZone,
              INITIAL_PARAMETERS,
            )
          : last.lastEventAt,
      };
      if (isEmptyCell(cell)) this.cells.delete(key);
      else this.cells.set(key, cell);
    }
  }

  sorted(): Array<[string, CellCounters]> {
    return [...this.cells.entries()].sort(([a], [b]) => a.localeCompare(b));
  }
}

const rebuilt = (facts: Iterable<TicketFact>, timeZone: string): Array<[string, CellCounters]> => {
  const cells: CellAccumulator = new Map();
  for (const fact of facts) addFact(cells, fact, timeZone, INITIAL_PARAMETERS);
  return rebuiltCells(cells).map((cell) => [
    `${cell.dimension.kind}|${cell.dimension.value}|${cell.day}`,
    cell.counters,
  ]);
};

describe('complaints against and the latest event in live cells', () => {
  const complaint = (overrides: Partial<TicketFact> = {}): TicketFact => ({
    ...randomFact(random(7), 1),
    ticketId: 'c1',
    kind: 'COMPLAINT',
    assigneeId: 'e1',
    departmentId: 'd1',
    openedAt: '2026-03-30T20:00:00.000Z',
    acknowledgedAt: null,
    firstResponseSeconds: null,
    resolvedAt: null,
    resolutionSeconds: null,
    withinSla: null,
    satisfaction: null,
    reopenVersions: [],
    mergedIntoId: null,
    complaintEmployeeId: null,
    complaintDepartmentId: null,
    lastEventAt: '2026-03-30T20:00:00.000Z',
    ...overrides,
  });
  const against = (live: LiveCells, kind: 'EMPLOYEE' | 'DEPARTMENT', value: string) =>
    live
      .sorted()
      .filter(([key]) => key.startsWith(`${kind}|${value}|`))
      .reduce((sum, [, cell]) => sum + cell.complaintsAgainst, 0);

  it('counts on the opening day for the blamed employee and department, and moves with a new investigation', () => {
    const live = new LiveCells('UTC');
    live.apply(complaint());
    expect(against(live, 'EMPLOYEE', 'e1')).toBe(0);
    live.apply(
      complaint({
        complaintEmployeeId: 'e2',
        complaintDepartmentId: 'd2',
        lastEventAt: '2026-04-02T08:00:00.000Z',
      }),
    );
    expect(live.cells.get('EMPLOYEE|e2|2026-03-30')).toMatchObject({
      complaintsAgainst: 1,
      intake: 0,
      lastEventAt: '2026-04-02T08:00:00.000Z',
    });
    expect(live.cells.get('DEPARTMENT|d2|2026-03-30')?.complaintsAgainst).toBe(1);
    // The handler is not blamed, and the blame is no intake of the blamed.
    expect(live.cells.get('EMPLOYEE|e1|2026-03-30')).toMatchObject({ complaintsAgainst: 0, intake: 1 });
    // A newer investigation names someone else: the count moves, the old cell (blame only) disappears.
    live.apply(
      complaint({
        complaintEmployeeId: 'e3',
        complaintDepartmentId: null,
        lastEventAt: '2026-04-03T08:00:00.000Z',
      }),
    );
    expect(live.cells.has('EMPLOYEE|e2|2026-03-30')).toBe(false);
    expect(live.cells.has('DEPARTMENT|d2|2026-03-30')).toBe(false);
    expect(against(live, 'EMPLOYEE', 'e3')).toBe(1);
    // In Hong Kong (UTC+8) it was opened on 31 March.
    const zoned = new LiveCells('Asia/Hong_Kong');
    zoned.apply(complaint({ complaintEmployeeId: 'e2' }));
    expect(zoned.cells.get('EMPLOYEE|e2|2026-03-31')?.complaintsAgainst).toBe(1);
  });

  it('drops the blame of a merged duplicate and keeps it through a reopening; only complaints are blamed', () => {
    const live = new LiveCells('UTC');
    live.apply(complaint({ complaintEmployeeId: 'e2', complaintDepartmentId: 'd2' }));
    live.apply(complaint({ complaintEmployeeId: 'e2', complaintDepartmentId: 'd2', reopenVersions: [5] }));
    expect(against(live, 'EMPLOYEE', 'e2')).toBe(1);
    live.apply(complaint({ complaintEmployeeId: 'e2', complaintDepartmentId: 'd2', mergedIntoId: 'c0' }));
    expect(against(live, 'EMPLOYEE', 'e2')).toBe(0);
    expect(against(live, 'DEPARTMENT', 'd2')).toBe(0);
    expect(live.cells.size).toBe(0);
    const fault = new LiveCells('UTC');
    fault.apply(complaint({ kind: 'FAULT', complaintEmployeeId: 'e2', complaintDepartmentId: 'd2' }));
    expect(against(fault, 'EMPLOYEE', 'e2') + against(fault, 'DEPARTMENT', 'd2')).toBe(0);
    expect(fault.cells.has('EMPLOYEE|e2|2026-03-30')).toBe(false);
  });

  it('recomputes the latest event when the fact holding it leaves a cell, and only then', () => {
    const live = new LiveCells('UTC');
    live.apply(complaint({ ticketId: 'a', kind: 'FAULT', lastEventAt: '2026-03-30T21:00:00.000Z' }));
    live.apply(complaint({ ticketId: 'b', kind: 'FAULT', lastEventAt: '2026-03-30T22:00:00.000Z' }));
    expect(live.cells.get('EMPLOYEE|e1|2026-03-30')?.lastEventAt).toBe('2026-03-30T22:00:00.000Z');
    expect(live.recomputes).toBe(0);
    // b is reassigned to e2: e1's latest event falls back to a's.
    live.apply(
      complaint({ ticketId: 'b', kind: 'FAULT', assigneeId: 'e2', lastEventAt: '2026-03-31T09:00:00.000Z' }),
    );
    expect(live.recomputes).toBe(1);
    expect(live.cells.get('EMPLOYEE|e1|2026-03-30')?.lastEventAt).toBe('2026-03-30T21:00:00.000Z');
    expect(live.cells.get('EMPLOYEE|e2|2026-03-30')?.lastEventAt).toBe('2026-03-31T09:00:00.000Z');
    // Other dimensions keep no latest event.
    expect(live.cells.get('OVERALL|*|2026-03-30')?.lastEventAt).toBeNull();
    expect(live.sorted()).toEqual(rebuilt(live.facts.values(), 'UTC'));
  });

  it.each([11, 12, 13, 14])(
    'equals a rebuild from the final facts after random changes in any order (seed %i)',
    (seed) => {
      const next = random(seed);
      const timeZone = ZONES[seed % ZONES.length];
      const live = new LiveCells(timeZone);
      // Each ticket goes through a few random states (reassigned, blamed, reopened, merged …), applied in turn.
      const states = Array.from({ length: 60 }, (_, index) =>
        Array.from({ length: 1 + Math.floor(next() * 4) }, () => randomFact(next, index)),
      );
      const queue = states.flatMap((versions) => versions.map((fact, step) => ({ fact, step })));
      queue.sort(() => next() - 0.5);
      const final = new Map<string, TicketFact>();
      for (const { fact } of queue) {
        live.apply(fact);
        final.set(fact.ticketId, fact);
      }
      expect(live.sorted()).toEqual(rebuilt(final.values(), timeZone));
      expect(live.recomputes).toBeGreaterThan(0);
    },
  );
});

describe('taking a contribution out', () => {
  it('never moves a cell’s latest event (only the engine’s recompute lowers it)', () => {
    const cell = { ...emptyCounters(), intake: 2, lastEventAt: '2026-03-01T02:00:00.000Z' };
    const out = applyContribution(
      cell,
      {
        day: '2026-03-01',
        intake: { resolved: false, complaint: false, reopened: false },
        lastEventAt: '2026-03-01T05:00:00.000Z',
      },
      -1,
    );
    expect(out).toMatchObject({ intake: 1, lastEventAt: '2026-03-01T02:00:00.000Z' });
  });
});

describe('lastEventAfter', () => {
  const T1 = '2026-03-01T01:00:00.000Z';
  const T2 = '2026-03-01T02:00:00.000Z';
  const T3 = '2026-03-01T03:00:00.000Z';

  it('keeps the latest of the cell and the added facts when the latest did not leave', () => {
    expect(lastEventAfter(null, [], [T1])).toEqual({ lastEventAt: T1, recompute: false });
    expect(lastEventAfter(T2, [T1], [])).toEqual({ lastEventAt: T2, recompute: false });
    expect(lastEventAfter(T2, [T1], [T3])).toEqual({ lastEventAt: T3, recompute: false });
    expect(lastEventAfter(T2, [undefined], [undefined])).toEqual({ lastEventAt: T2, recompute: false });
    expect(lastEventAfter(null, [undefined], [undefined])).toEqual({ lastEventAt: null, recompute: false });
  });

  it('needs the cell’s facts when the latest left and nothing as late came in', () => {
    expect(lastEventAfter(T2, [T2], [])).toEqual({ lastEventAt: null, recompute: true });
    expect(lastEventAfter(T2, [T1, T2], [T1])).toEqual({ lastEventAt: null, recompute: true });
    // The same fact back with the same or a later event: no recompute.
    expect(lastEventAfter(T2, [T2], [T2])).toEqual({ lastEventAt: T2, recompute: false });
    expect(lastEventAfter(T2, [T2], [T3])).toEqual({ lastEventAt: T3, recompute: false });
    // Instants compare as instants, not as text.
    expect(lastEventAfter('2026-03-01T02:00:00Z', ['2026-03-01T02:00:00.000Z'], [])).toEqual({
      lastEventAt: null,
      recompute: true,
    });
  });
});

describe('month figures of merged cells', () => {
  it('rounds the p90 estimate to the whole second and derives the within-SLA share from the breaches', () => {
    const cells: CellAccumulator = new Map();
    const fact = {
      ...randomFact(random(3), 1),
      kind: 'FAULT',
      assigneeId: 'e1',
      openedAt: '2026-03-02T08:00:00.000Z',
      acknowledgedAt: '2026-03-02T09:00:00.000Z',
      firstResponseSeconds: 3600,
      resolvedAt: '2026-03-02T10:00:00.000Z',
      withinSla: false,
      mergedIntoId: null,
      lastEventAt: '2026-03-02T10:00:00.000Z',
    };
    addFact(cells, fact, 'UTC', INITIAL_PARAMETERS);
    addFact(
      cells,
      { ...fact, ticketId: 't2', withinSla: true, firstResponseSeconds: 3601 },
      'UTC',
      INITIAL_PARAMETERS,
    );
    addFact(
      cells,
      { ...fact, ticketId: 't3', withinSla: true, firstResponseSeconds: 3599 },
      'UTC',
      INITIAL_PARAMETERS,
    );
    const figures = cellFigures(cells, '2026-03', { kind: 'EMPLOYEE', ids: new Set(['e1']) });
    expect(Number.isInteger(figures.firstResponseP90Seconds)).toBe(true);
    expect(Math.abs((figures.firstResponseP90Seconds as number) - 3601)).toBeLessThanOrEqual(37);
    expect(figures.resolvedWithinSlaShare).toBe(2 / 3);
    expect(figures.lastEventAt).toBe('2026-03-02T10:00:00.000Z');
    expect(dayOf(figures.lastEventAt as string, 'UTC')).toBe('2026-03-02');
  });
});
