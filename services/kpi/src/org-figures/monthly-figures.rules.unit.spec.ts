import { TicketStory } from '@opsgraph/contracts-events/testing';
import type { TicketEvent } from '@opsgraph/contracts-events';
import { applyTicketEvent, type TicketFact } from '../engine/ticket-fact.rules';
import { addFact, rebuiltCells, type CellAccumulator } from '../definitions/cell-rebuild.rules';
import { INITIAL_PARAMETERS } from '../definitions/kpi-definition.rules';
import { mergeCells } from '../engine/cell.rules';
import { daysOfMonth, isMonth, monthlyFigures, monthOf, type Month } from './monthly-figures.rules';

/** Whose figures: an employee's cells, or those of a set of departments (a subtree). */
interface Subject {
  kind: 'EMPLOYEE' | 'DEPARTMENT';
  ids: string[];
}
const employeeSubject = (id: string): Subject => ({ kind: 'EMPLOYEE', ids: [id] });
const departmentsSubject = (ids: string[]): Subject => ({ kind: 'DEPARTMENT', ids });

/** The month's figures as the service computes them: the facts' day cells, the subject's cells of the month merged. */
function figuresOf(facts: readonly TicketFact[], month: Month, subject: Subject, timeZone: string) {
  const cells: CellAccumulator = new Map();
  for (const fact of facts) addFact(cells, fact, timeZone, INITIAL_PARAMETERS);
  const days = daysOfMonth(month);
  const selected = rebuiltCells(cells).filter(
    (cell) =>
      cell.dimension.kind === subject.kind &&
      subject.ids.includes(cell.dimension.value) &&
      cell.day >= days.start &&
      cell.day <= days.end,
  );
  return monthlyFigures(mergeCells(selected.map((cell) => cell.counters)));
}

const ANA = 'a0000000-0000-4000-8000-0000000000aa';
const BO = 'b0000000-0000-4000-8000-0000000000bb';
const CS = 'c0000000-0000-4000-8000-0000000000cc';
const OPS = 'd0000000-0000-4000-8000-0000000000dd';

const fold = (events: readonly TicketEvent[]): TicketFact =>
  events.reduce<TicketFact | null>((fact, event) => applyTicketEvent(fact, event), null) as TicketFact;

/** A ticket of `assignee` in `department`, opened at `openedAt`. */
const ticket = (openedAt: string, assignee = ANA, department = CS, kind?: 'COMPLAINT') =>
  new TicketStory({ openedAt, kind }).assign(undefined, assignee, department);

describe('months', () => {
  it('accepts YYYY-MM only', () => {
    expect(isMonth('2026-03')).toBe(true);
    expect(isMonth('2026-12')).toBe(true);
    for (const text of ['2026-13', '2026-00', '2026-3', 'x2026-03', '2026-03x', '2026-03-01']) {
      expect(isMonth(text)).toBe(false);
    }
  });

  it('places an instant in the month of the time zone', () => {
    expect(monthOf('2026-03-31T23:30:00.000Z', 'UTC')).toBe('2026-03');
    expect(monthOf('2026-03-31T23:30:00.000Z', 'Asia/Taipei')).toBe('2026-04');
    expect(monthOf(new Date('2026-04-01T00:00:00.000Z'), 'UTC')).toBe('2026-04');
  });
});

describe('monthlyFigures', () => {
  it('counts each figure in the month of the moment it measures, exactly', () => {
    const march = [
      ticket('2026-03-02T08:00:00.000Z')
        .acknowledge('2026-03-02T08:10:00.000Z', 600)
        .resolve('2026-03-02T10:00:00.000Z', { withinSla: true })
        .survey('2026-03-03T08:00:00.000Z', 5),
      ticket('2026-03-05T08:00:00.000Z')
        .acknowledge('2026-03-05T09:00:00.000Z', 3600)
        .resolve('2026-03-06T08:00:00.000Z', { withinSla: false })
        .survey('2026-03-07T08:00:00.000Z', 2),
      ticket('2026-03-09T08:00:00.000Z').acknowledge('2026-03-09T08:01:40.000Z', 100),
      // Opened in February, answered and resolved in March: counts in March's responses and resolutions only.
      ticket('2026-02-27T08:00:00.000Z')
        .acknowledge('2026-03-01T08:00:00.000Z', 7200)
        .resolve('2026-03-01T09:00:00.000Z', { withinSla: null }),
    ].map((story) => fold(story.events));
    const figures = figuresOf(march, '2026-03', employeeSubject(ANA), 'UTC');
    expect(Math.abs((figures.firstResponseP90Seconds as number) - 7200)).toBeLessThanOrEqual(72);
    expect(figures).toEqual({
      ticketsHandled: 3,
      ticketsResolved: 3,
      resolutionRate: 2 / 3,
      firstResponseCount: 4,
      firstResponseAverageSeconds: (600 + 3600 + 100 + 7200) / 4,
      // ⌈0.9·4⌉ = 4th smallest of 100, 600, 3600, 7200, estimated within 1 % and rounded to the second.
      firstResponseP90Seconds: expect.any(Number),
      resolvedWithinSlaShare: 0.5,
      surveyCount: 2,
      averageSatisfaction: 3.5,
      complaintsAgainst: 0,
      // The third ticket's assignment, five minutes after its opening: the latest event of any counted ticket.
      lastEventAt: '2026-03-09T08:05:00.000Z',
    });
    const february = figuresOf(march, '2026-02', employeeSubject(ANA), 'UTC');
    expect(february).toMatchObject({ ticketsHandled: 1, ticketsResolved: 0, resolutionRate: 1 });
    expect(february.firstResponseCount).toBe(0);
    expect(february.firstResponseP90Seconds).toBeNull();
    expect(february.lastEventAt).toBe('2026-03-01T09:00:00.000Z');
  });

  it('counts a complaint against whoever its investigation held responsible, in the month it was lodged', () => {
    const complaint = fold(
      ticket('2026-03-30T08:00:00.000Z', BO, OPS, 'COMPLAINT').investigate(
        '2026-04-02T08:00:00.000Z',
        CS,
        ANA,
      ).events,
    );
    expect(complaint.complaintEmployeeId).toBe(ANA);
    expect(figuresOf([complaint], '2026-03', employeeSubject(ANA), 'UTC')).toMatchObject({
      ticketsHandled: 0,
      complaintsAgainst: 1,
      lastEventAt: '2026-04-02T08:00:00.000Z',
    });
    expect(figuresOf([complaint], '2026-04', employeeSubject(ANA), 'UTC').complaintsAgainst).toBe(0);
    expect(figuresOf([complaint], '2026-03', departmentsSubject([CS]), 'UTC').complaintsAgainst).toBe(1);
    // The handler of the complaint is not blamed for it; the department that handled it is not either.
    expect(figuresOf([complaint], '2026-03', employeeSubject(BO), 'UTC')).toMatchObject({
      ticketsHandled: 1,
      complaintsAgainst: 0,
    });
    expect(figuresOf([complaint], '2026-03', departmentsSubject([OPS]), 'UTC').complaintsAgainst).toBe(0);
  });

  it('blames only complaints: a blame on another kind of ticket counts nowhere', () => {
    const fault = fold(ticket('2026-03-02T08:00:00.000Z').investigate(undefined, CS, ANA).events);
    expect(fault.complaintEmployeeId).toBe(ANA);
    expect(figuresOf([fault], '2026-03', employeeSubject(ANA), 'UTC').complaintsAgainst).toBe(0);
    expect(figuresOf([fault], '2026-03', departmentsSubject([CS]), 'UTC').complaintsAgainst).toBe(0);
  });

  it('selects a department set by lead department, an employee by assignee', () => {
    const facts = [
      fold(ticket('2026-03-02T08:00:00.000Z', ANA, CS).events),
      fold(ticket('2026-03-02T09:00:00.000Z', BO, OPS).events),
      fold(
        new TicketStory({ openedAt: '2026-03-02T10:00:00.000Z', assigneeId: null, departmentId: null })
          .events,
      ),
    ];
    expect(figuresOf(facts, '2026-03', departmentsSubject([CS]), 'UTC').ticketsHandled).toBe(1);
    expect(figuresOf(facts, '2026-03', departmentsSubject([CS, OPS]), 'UTC').ticketsHandled).toBe(2);
    expect(figuresOf(facts, '2026-03', employeeSubject(BO), 'UTC').ticketsHandled).toBe(1);
    // An employee id is not a department id, nor the other way round.
    expect(figuresOf(facts, '2026-03', employeeSubject(CS), 'UTC').ticketsHandled).toBe(0);
    expect(figuresOf(facts, '2026-03', departmentsSubject([ANA]), 'UTC').ticketsHandled).toBe(0);
  });

  it('leaves a merged duplicate out of every figure', () => {
    const survivor = ticket('2026-03-02T08:00:00.000Z').acknowledge(undefined, 60);
    const duplicate = ticket('2026-03-02T08:05:00.000Z').acknowledge(undefined, 60).mergeInto(survivor);
    const figures = figuresOf(
      [fold(survivor.events), fold(duplicate.events)],
      '2026-03',
      employeeSubject(ANA),
      'UTC',
    );
    expect(figures).toMatchObject({ ticketsHandled: 1, firstResponseCount: 1 });
  });

  it('has no resolution for a reopened ticket and places months in the time zone', () => {
    const reopened = fold(
      ticket('2026-03-31T20:00:00.000Z')
        .acknowledge('2026-03-31T20:10:00.000Z', 600)
        .resolve('2026-03-31T21:00:00.000Z')
        .reopen('2026-03-31T22:00:00.000Z').events,
    );
    expect(figuresOf([reopened], '2026-03', employeeSubject(ANA), 'UTC')).toMatchObject({
      ticketsHandled: 1,
      ticketsResolved: 0,
      resolutionRate: 0,
    });
    // In Taipei (UTC+8) the whole story happened on 1 April.
    expect(figuresOf([reopened], '2026-03', employeeSubject(ANA), 'Asia/Taipei').ticketsHandled).toBe(0);
    expect(figuresOf([reopened], '2026-04', employeeSubject(ANA), 'Asia/Taipei')).toMatchObject({
      ticketsHandled: 1,
      firstResponseCount: 1,
    });
  });

  it('takes the opening as the latest event of a fact folded before lastEventAt was kept', () => {
    const fact = fold(ticket('2026-03-02T08:00:00.000Z').events);
    const older: TicketFact = { ...fact, lastEventAt: undefined };
    expect(figuresOf([older], '2026-03', employeeSubject(ANA), 'UTC').lastEventAt).toBe(
      '2026-03-02T08:00:00.000Z',
    );
  });

  it('is all zeros and nulls when nothing counts', () => {
    expect(figuresOf([], '2026-03', employeeSubject(ANA), 'UTC')).toEqual({
      ticketsHandled: 0,
      ticketsResolved: 0,
      resolutionRate: null,
      firstResponseCount: 0,
      firstResponseAverageSeconds: null,
      firstResponseP90Seconds: null,
      resolvedWithinSlaShare: null,
      surveyCount: 0,
      averageSatisfaction: null,
      complaintsAgainst: 0,
      lastEventAt: null,
    });
  });
});
