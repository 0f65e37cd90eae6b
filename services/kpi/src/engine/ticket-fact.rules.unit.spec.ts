import { TicketStory } from '@opsgraph/contracts-events/testing';
import { contributionsOf, windowCounters } from './cell.rules';
import { applyTicketEvent, type TicketFact } from './ticket-fact.rules';

const fold = (events: Parameters<typeof applyTicketEvent>[1][]) =>
  events.reduce<TicketFact | null>((fact, event) => applyTicketEvent(fact, event), null) as TicketFact;

describe('applyTicketEvent', () => {
  const story = new TicketStory({ openedAt: '2026-03-02T08:00:00.000Z' }).acknowledge().resolve();
  const events = story.events;

  it('folds a ticket story into its fact', () => {
    const fact = fold(events);
    expect(fact.openedAt).toBe('2026-03-02T08:00:00.000Z');
    expect(fact.resolvedAt).not.toBeNull();
    expect(fact.firstResponseSeconds).not.toBeNull();
    expect(fact.resolutionSeconds).not.toBeNull();
  });

  it('gives the same fact whatever the order, and duplicates change nothing', () => {
    const inOrder = fold(events);
    expect(fold([...events].reverse())).toEqual(inOrder);
    expect(fold([...events, ...events])).toEqual(inOrder);
    expect(applyTicketEvent(inOrder, events[0])).toBe(inOrder);
  });
});

describe('a merged duplicate (ticket.merged)', () => {
  const survivor = new TicketStory({ openedAt: '2026-03-02T08:00:00.000Z' }).acknowledge();
  const duplicate = new TicketStory({ openedAt: '2026-03-02T08:05:00.000Z' })
    .acknowledge()
    .mergeInto(survivor);

  it('points to its survivor whatever the order, and contributes to no cell or window', () => {
    const fact = fold(duplicate.events);
    expect(fact.mergedIntoId).toBe(survivor.ticketId);
    expect(fold([...duplicate.events].reverse())).toEqual(fact);
    expect(applyTicketEvent(fact, duplicate.events.at(-1)!)).toBe(fact);
    expect(contributionsOf(fact, 'UTC')).toEqual([]);
    const window = windowCounters(
      [fact, fold(survivor.events)],
      new Date('2026-03-01T00:00:00.000Z'),
      new Date('2026-03-03T00:00:00.000Z'),
    );
    expect(window.intake).toBe(1);
  });
});

describe('complaint blame and the latest event', () => {
  const department = 'd0000000-0000-4000-8000-0000000000dd';
  const employee = 'e0000000-0000-4000-8000-0000000000ee';
  const complaint = new TicketStory({ openedAt: '2026-03-02T08:00:00.000Z', kind: 'COMPLAINT' })
    .investigate('2026-03-04T08:00:00.000Z', department, employee)
    .investigate('2026-03-05T08:00:00.000Z', department, null);

  it('keeps whom the newest investigation held responsible, whatever the order', () => {
    const fact = fold(complaint.events);
    expect(fact.complaintEmployeeId).toBeNull();
    expect(fact.complaintDepartmentId).toBe(department);
    expect(fact.complaintVersion).toBe(3);
    expect(fold([...complaint.events].reverse())).toEqual(fact);
    expect(fold(complaint.events.slice(0, 2)).complaintEmployeeId).toBe(employee);
  });

  it('keeps the latest occurredAt seen, even when an older event arrives last', () => {
    const fact = fold(complaint.events);
    expect(fact.lastEventAt).toBe('2026-03-05T08:00:00.000Z');
    expect(applyTicketEvent(fact, complaint.events[0])).toBe(fact);
    const older = { ...fact, lastEventAt: undefined, complaintVersion: undefined };
    expect(applyTicketEvent(older, complaint.events[1])).toMatchObject({
      lastEventAt: '2026-03-04T08:00:00.000Z',
      complaintEmployeeId: employee,
      complaintVersion: 2,
    });
  });
});

describe('a merge arriving after later events', () => {
  it('still marks the duplicate, though it moves no latest event', () => {
    const survivor = new TicketStory({ openedAt: '2026-03-02T08:00:00.000Z' });
    const duplicate = new TicketStory({ openedAt: '2026-03-02T08:05:00.000Z' }).mergeInto(survivor).note();
    const merge = duplicate.events.find((event) => event.type === 'ticket.merged')!;
    const withoutMerge = fold(duplicate.events.filter((event) => event !== merge));
    const merged = applyTicketEvent(withoutMerge, merge);
    expect(merged).not.toBe(withoutMerge);
    expect(merged.mergedIntoId).toBe(survivor.ticketId);
    expect(merged.lastEventAt).toBe(withoutMerge.lastEventAt);
  });

  it('starts a fact from its first event, whose moment is the latest seen', () => {
    const [opened] = new TicketStory({ openedAt: '2026-03-02T08:00:00.000Z' }).events;
    expect(applyTicketEvent(null, opened)).toMatchObject({ lastEventAt: opened.occurredAt });
  });
});
