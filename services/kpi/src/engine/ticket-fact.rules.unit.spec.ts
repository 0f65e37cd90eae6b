import { TicketStory } from '@opsgraph/contracts-events/testing';
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
