// The ticket fact keeps, per part, the value of the newest aggregate version that carried it (docs/product.md §KPI
// "Facts and cells"): first response, resolution, survey and reopenings, each whatever the arrival order.
import { TicketStory, shuffled } from '@opsgraph/contracts-events/testing';
import { applyTicketEvent, type TicketFact } from './ticket-fact.rules';

type TicketEvent = Parameters<typeof applyTicketEvent>[1];
const fold = (events: TicketEvent[]) =>
  events.reduce<TicketFact | null>((fact, event) => applyTicketEvent(fact, event), null) as TicketFact;
const OPENED = '2026-03-02T08:00:00.000Z';

describe('first response reaches the fact', () => {
  it('an acknowledgement alone gives the first-response time (no resolution needed)', () => {
    const fact = fold(new TicketStory({ openedAt: OPENED }).acknowledge(undefined, 420).events);
    expect(fact.firstResponseSeconds).toBe(420);
    expect(fact.resolutionSeconds).toBeNull();
  });

  it('a ticket resolved without an acknowledgement takes its first response from the resolution', () => {
    const fact = fold(
      new TicketStory({ openedAt: OPENED }).resolve(undefined, {
        firstResponseSeconds: 900,
        resolutionSeconds: 900,
      }).events,
    );
    expect(fact.firstResponseSeconds).toBe(900);
    expect(fact.resolutionSeconds).toBe(900);
  });

  it('a resolution without a first response does not erase the acknowledged one, in either order', () => {
    const events = new TicketStory({ openedAt: OPENED }).acknowledge(undefined, 300).resolve().events;
    expect(fold(events).firstResponseSeconds).toBe(300);
    expect(fold([...events].reverse()).firstResponseSeconds).toBe(300);
  });
});

describe('satisfaction: the newest survey wins', () => {
  it('a submitted survey gives the satisfaction', () => {
    const fact = fold(new TicketStory({ openedAt: OPENED }).resolve().survey(undefined, 4).events);
    expect(fact.satisfaction).toBe(4);
  });

  it('an older survey arriving late does not overwrite the newer score', () => {
    const events = new TicketStory({ openedAt: OPENED })
      .resolve()
      .survey(undefined, 2)
      .survey(undefined, 5).events;
    expect(fold(events).satisfaction).toBe(5);
    const [opened, resolved, older, newer] = events;
    expect(fold([opened!, resolved!, newer!, older!]).satisfaction).toBe(5);
  });
});

describe('reopenings: the set of reopen versions seen', () => {
  const story = new TicketStory({ openedAt: OPENED }).resolve().reopen().resolve().reopen().resolve();
  const reopenVersions = story.events
    .filter((e) => e.type === 'ticket.reopened')
    .map((e) => e.aggregateVersion);

  it('records every reopening once, sorted, whatever the order', () => {
    expect(reopenVersions).toEqual([3, 5]);
    for (const seed of [1, 2, 3, 4, 5]) {
      expect(fold(shuffled(story.events, seed)).reopenVersions).toEqual([3, 5]);
    }
    expect(fold([...story.events].reverse()).reopenVersions).toEqual([3, 5]);
  });

  it('a redelivered reopening changes nothing (same fact returned)', () => {
    const fact = fold(story.events);
    const reopened = story.events.find((e) => e.type === 'ticket.reopened')!;
    expect(applyTicketEvent(fact, reopened)).toBe(fact);
  });

  it('only reopen events count as reopenings', () => {
    const fact = fold(
      new TicketStory({ openedAt: OPENED }).acknowledge().resolve().survey(undefined, 3).events,
    );
    expect(fact.reopenVersions).toEqual([]);
  });
});

describe('duplicates change nothing', () => {
  it('the newest event delivered twice returns the same fact', () => {
    const events = new TicketStory({ openedAt: OPENED }).acknowledge().resolve().events;
    const fact = fold(events);
    expect(applyTicketEvent(fact, events[events.length - 1]!)).toBe(fact);
  });
});
