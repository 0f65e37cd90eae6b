import type { TicketEvent } from '@opsgraph/contracts-events';
import { affectedKeys, applyTicketEvent, toKpiFact, type TicketFact } from './ticket-kpi.rules';
import { TicketStory } from '@opsgraph/contracts-events/testing';
import { aggregateKpi, employeeSubject, kpiFigures } from '../kpi/kpi.math';

const ANA = 'a0000000-0000-4000-8000-0000000000aa';
const BO = 'b0000000-0000-4000-8000-0000000000bb';
const CS = 'd0000000-0000-4000-8000-0000000000c5';
const TECH = 'd0000000-0000-4000-8000-00000000007e';

const fold = (events: readonly TicketEvent[]): TicketFact => {
  let fact: TicketFact | null = null;
  for (const event of events) fact = applyTicketEvent(fact, event);
  return fact as TicketFact;
};

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('applyTicketEvent', () => {
  const story = new TicketStory({ openedAt: '2025-03-30T22:00:00Z' })
    .acknowledge('2025-03-30T22:05:00Z', 300)
    .assign('2025-03-30T22:10:00Z', ANA, CS)
    .resolve('2025-03-31T09:00:00Z', { withinSla: true, firstResponseSeconds: 300 })
    .reopen('2025-04-02T08:00:00Z')
    .assign('2025-04-02T08:30:00Z', BO, TECH)
    .resolve('2025-04-03T10:00:00Z', { withinSla: false, firstResponseSeconds: 300 })
    .survey('2025-04-10T10:00:00Z', 4);

  it('ends in the same fact whatever order the events arrive in', () => {
    const expected = fold(story.events);
    expect(expected).toMatchObject({
      handlerId: BO,
      departmentId: TECH,
      firstResponseSeconds: 300,
      resolvedAt: new Date('2025-04-03T10:00:00Z'),
      withinSla: false,
      satisfaction: 4,
      snapshotVersion: 8,
      lastEventAt: new Date('2025-04-10T10:00:00Z'),
    });
    const all = permutations(story.events.slice(0, 7)).map((order) => [...order, story.events[7]]);
    expect(all.length).toBe(5040);
    for (const order of all) expect(fold(order)).toEqual(expected);
  });

  it('ignores duplicates: the same event again returns the same fact object', () => {
    const fact = fold(story.events);
    for (const event of story.events) expect(applyTicketEvent(fact, event)).toBe(fact);
  });

  it('keeps the resolution of the highest version (a reopened-then-resolved ticket)', () => {
    const beforeReopen = fold(story.events.slice(0, 4));
    expect(beforeReopen).toMatchObject({
      withinSla: true,
      resolvedAt: new Date('2025-03-31T09:00:00Z'),
      handlerId: ANA,
    });
    const reopened = fold(story.events.slice(0, 5));
    expect(reopened.resolvedAt).toBeNull();
    // An older resolution that arrives late does not overwrite the newer one
    expect(applyTicketEvent(fold(story.events), story.events[3]).withinSla).toBe(false);
  });
});

describe('toKpiFact (month attribution)', () => {
  it('places each fact in the month of its business moment', () => {
    const story = new TicketStory({ openedAt: '2025-03-31T23:50:00Z', assigneeId: ANA, departmentId: CS })
      .acknowledge('2025-04-01T00:20:00Z', 1800)
      .resolve('2025-04-15T10:00:00Z', { withinSla: true })
      // the survey arrives in May, after April closed: it still counts for April, the month of the resolution
      .survey('2025-05-03T09:00:00Z', 3);
    const fact = toKpiFact(fold(story.events), 'UTC');
    expect(fact).toMatchObject({
      intakeMonth: '2025-03',
      responseMonth: '2025-04',
      resolutionMonth: '2025-04',
      satisfaction: 3,
      complaintMonth: null,
    });
  });

  it('follows the configured time zone', () => {
    const story = new TicketStory({ openedAt: '2025-03-31T20:00:00Z', assigneeId: ANA });
    expect(toKpiFact(fold(story.events), 'UTC').intakeMonth).toBe('2025-03');
    expect(toKpiFact(fold(story.events), 'Asia/Shanghai').intakeMonth).toBe('2025-04');
  });

  it('counts a reopened ticket as unresolved, survey included, until it is resolved again', () => {
    const story = new TicketStory({ openedAt: '2025-03-01T08:00:00Z', assigneeId: ANA, departmentId: CS })
      .resolve('2025-03-02T08:00:00Z', { withinSla: true })
      .survey('2025-03-03T08:00:00Z', 5)
      .reopen('2025-03-04T08:00:00Z');
    expect(toKpiFact(fold(story.events), 'UTC')).toMatchObject({
      resolutionMonth: null,
      withinSla: null,
      satisfaction: null,
    });
  });

  it('counts a complaint against the responsible person in the month the customer complained', () => {
    const story = new TicketStory({
      openedAt: '2025-03-20T08:00:00Z',
      kind: 'COMPLAINT',
      assigneeId: BO,
      departmentId: CS,
    }).investigate('2025-04-05T08:00:00Z', TECH, ANA);
    expect(toKpiFact(fold(story.events), 'UTC')).toMatchObject({
      handlerId: BO,
      complaintEmployeeId: ANA,
      complaintDepartmentId: TECH,
      complaintMonth: '2025-03',
    });
  });
});

describe('toKpiFact feeds the KPI figures', () => {
  it('carries the first response time and SLA compliance into the month figures', () => {
    const story = new TicketStory({ openedAt: '2025-03-03T08:00:00Z', assigneeId: ANA, departmentId: CS })
      .acknowledge('2025-03-03T08:30:00Z', 1800)
      .resolve('2025-03-04T08:00:00Z', { withinSla: true, firstResponseSeconds: 1800 });
    const late = new TicketStory({ openedAt: '2025-03-05T08:00:00Z', assigneeId: ANA, departmentId: CS })
      .acknowledge('2025-03-05T09:00:00Z', 3600)
      .resolve('2025-03-09T08:00:00Z', { withinSla: false, firstResponseSeconds: 3600 });
    const facts = [story, late].map((ticket) => toKpiFact(fold(ticket.events), 'UTC'));
    expect(facts.map((fact) => [fact.firstResponseSeconds, fact.withinSla])).toEqual([
      [1800, true],
      [3600, false],
    ]);
    expect(kpiFigures(aggregateKpi(facts, '2025-03', employeeSubject(ANA)))).toMatchObject({
      firstResponseCount: 2,
      firstResponseAverageSeconds: 2700,
      resolvedWithinSlaShare: 0.5,
    });
  });
});

describe('complaint investigations', () => {
  it('keeps the responsible person of the newest investigation when an older one arrives late', () => {
    const story = new TicketStory({ openedAt: '2025-03-20T08:00:00Z', kind: 'COMPLAINT', assigneeId: BO })
      .investigate('2025-03-25T08:00:00Z', TECH, ANA)
      .investigate('2025-04-02T08:00:00Z', CS, BO);
    const [opened, older, newer] = story.events;
    for (const order of [
      [opened, older, newer],
      [opened, newer, older],
      [newer, older, opened],
    ]) {
      expect(toKpiFact(fold(order), 'UTC')).toMatchObject({
        complaintEmployeeId: BO,
        complaintDepartmentId: CS,
      });
    }
  });
});

describe('affectedKeys', () => {
  it('includes the old handler and month when a ticket moves, so their figures are recomputed', () => {
    const story = new TicketStory({ openedAt: '2025-03-01T08:00:00Z', assigneeId: ANA, departmentId: CS });
    const before = toKpiFact(fold(story.events), 'UTC');
    story.assign('2025-03-02T08:00:00Z', BO, TECH);
    const after = toKpiFact(fold(story.events), 'UTC');
    expect(affectedKeys(before, after)).toEqual({
      employees: [
        { subjectId: ANA, month: '2025-03' },
        { subjectId: BO, month: '2025-03' },
      ],
      departments: [
        { subjectId: TECH, month: '2025-03' },
        { subjectId: CS, month: '2025-03' },
      ],
    });
  });
});

describe('first response and blame in detail', () => {
  const opened = () =>
    new TicketStory({ openedAt: '2025-03-03T08:00:00Z', assigneeId: ANA, departmentId: CS });

  it('takes the first response from the acknowledgement, and from the resolution when that is all there is', () => {
    expect(fold(opened().acknowledge('2025-03-03T08:20:00Z', 1200).events).firstResponseSeconds).toBe(1200);
    const resolvedOnly = opened()
      .assign('2025-03-03T08:05:00Z', ANA, CS)
      .resolve('2025-03-03T09:00:00Z', { firstResponseSeconds: 300 });
    expect(fold(resolvedOnly.events).firstResponseSeconds).toBe(300);
  });

  it('keeps the acknowledgement’s response time when the resolution carries none', () => {
    const story = opened()
      .acknowledge('2025-03-03T08:20:00Z', 1200)
      .resolve('2025-03-03T09:00:00Z', { firstResponseSeconds: null });
    expect(fold(story.events).firstResponseSeconds).toBe(1200);
  });

  it('keeps the newest response time when an older one arrives late', () => {
    const story = opened()
      .acknowledge('2025-03-03T08:20:00Z', 1200)
      .resolve('2025-03-03T09:00:00Z', { firstResponseSeconds: 900 });
    const [first, acknowledged, resolved] = story.events;
    expect(fold([first, resolved, acknowledged]).firstResponseSeconds).toBe(900);
  });

  it('blames only a complaint, by its employee or department alone', () => {
    const complaint = new TicketStory({
      openedAt: '2025-03-20T08:00:00Z',
      kind: 'COMPLAINT',
      assigneeId: BO,
    });
    const departmentOnly = toKpiFact(
      fold(complaint.investigate('2025-03-25T08:00:00Z', TECH, null).events),
      'UTC',
    );
    expect(departmentOnly).toMatchObject({
      complaintEmployeeId: null,
      complaintDepartmentId: TECH,
      complaintMonth: '2025-03',
    });
    const notComplaint = { ...fold(opened().events), complaintEmployeeId: ANA, complaintDepartmentId: CS };
    expect(toKpiFact(notComplaint, 'UTC')).toMatchObject({
      complaintEmployeeId: null,
      complaintDepartmentId: null,
      complaintMonth: null,
    });
    const uninvestigated = toKpiFact(
      fold(new TicketStory({ kind: 'COMPLAINT', assigneeId: BO }).events),
      'UTC',
    );
    expect(uninvestigated).toMatchObject({
      complaintEmployeeId: null,
      complaintDepartmentId: null,
      complaintMonth: null,
    });
  });

  it('counts a response only with both its time and its moment', () => {
    const fact = fold(opened().acknowledge('2025-03-03T08:20:00Z', 1200).events);
    expect(toKpiFact({ ...fact, firstResponseSeconds: null }, 'UTC')).toMatchObject({
      responseMonth: null,
      firstResponseSeconds: null,
    });
    expect(toKpiFact({ ...fact, acknowledgedAt: null }, 'UTC')).toMatchObject({
      responseMonth: null,
      firstResponseSeconds: null,
    });
  });

  it('affects no employee row for a ticket nobody handles', () => {
    const fact = toKpiFact(
      fold(new TicketStory({ openedAt: '2025-03-03T08:00:00Z', departmentId: CS }).events),
      'UTC',
    );
    expect(affectedKeys(null, fact)).toEqual({
      employees: [],
      departments: [{ subjectId: CS, month: '2025-03' }],
    });
  });
});

describe('merged duplicates', () => {
  const survivor = new TicketStory({ openedAt: '2025-05-05T09:00:00Z', assigneeId: ANA, departmentId: CS })
    .acknowledge('2025-05-05T09:10:00Z', 600)
    .resolve('2025-05-06T09:00:00Z', { withinSla: true });
  const duplicate = new TicketStory({
    openedAt: '2025-05-05T09:30:00Z',
    assigneeId: ANA,
    departmentId: CS,
    kind: 'COMPLAINT',
  })
    .acknowledge('2025-05-05T09:40:00Z', 600)
    .investigate('2025-05-05T09:45:00Z', TECH, BO)
    .mergeInto(survivor, '2025-05-05T10:00:00Z');

  it('marks the duplicate as merged (never unset), in any order, and a repeat changes nothing', () => {
    const expected = fold(duplicate.events);
    expect(expected.mergedIntoId).toBe(survivor.ticketId);
    for (const order of permutations(duplicate.events)) expect(fold(order)).toEqual(expected);
    expect(applyTicketEvent(expected, duplicate.events.at(-1)!)).toBe(expected);
    expect(fold(duplicate.events.slice(0, -1)).mergedIntoId).toBeNull();
  });

  it('counts a merged pair once, as its survivor, and blames nobody for the duplicate', () => {
    const duplicateFact = toKpiFact(fold(duplicate.events), 'UTC');
    expect(duplicateFact).toMatchObject({
      handlerId: null,
      departmentId: null,
      complaintEmployeeId: null,
      complaintDepartmentId: null,
      complaintMonth: null,
    });
    const facts = [toKpiFact(fold(survivor.events), 'UTC'), duplicateFact];
    expect(aggregateKpi(facts, '2025-05', employeeSubject(ANA))).toMatchObject({
      ticketsHandled: 1,
      ticketsResolved: 1,
      firstResponseCount: 1,
    });
    expect(aggregateKpi(facts, '2025-05', employeeSubject(BO)).complaintsAgainst).toBe(0);
    // Before the merge the duplicate was Ana's (and blamed Bo): the merge takes those figures back
    const unmerged = toKpiFact(fold(duplicate.events.slice(0, -1)), 'UTC');
    expect(unmerged).toMatchObject({ handlerId: ANA, departmentId: CS, complaintEmployeeId: BO });
    const keys = affectedKeys(unmerged, duplicateFact);
    expect(keys.employees).toEqual(expect.arrayContaining([{ subjectId: ANA, month: '2025-05' }]));
    expect(keys.employees).toEqual(expect.arrayContaining([{ subjectId: BO, month: '2025-05' }]));
  });
});
