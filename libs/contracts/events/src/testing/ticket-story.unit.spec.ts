import { validateEvent } from '../validate';
import { shuffled, TicketStory } from './index';

describe('TicketStory', () => {
  it('builds contract-valid events with consecutive versions and the snapshot after each event', () => {
    const story = new TicketStory({ openedAt: '2026-03-02T08:00:00.000Z', kind: 'FAULT' })
      .acknowledge()
      .assign(undefined, 'a0000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001')
      .note()
      .resolve()
      .survey(undefined, 4)
      .reopen()
      .close();
    expect(story.events.map((e) => e.type)).toEqual([
      'ticket.opened',
      'ticket.acknowledged',
      'ticket.assigned',
      'ticket.progress_added',
      'ticket.resolved',
      'ticket.survey_submitted',
      'ticket.reopened',
      'ticket.closed',
    ]);
    expect(story.events.map((e) => e.aggregateVersion)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const event of story.events) {
      expect(event.aggregateId).toBe(story.ticketId);
      expect(validateEvent(event)).toMatchObject({ ok: true });
    }
    expect(story.events[0].data).toMatchObject({
      category: 'SYSTEM_FAULT',
      number: story.number,
      status: 'NEW',
    });
    expect(story.events[1]).toMatchObject({
      occurredAt: '2026-03-02T08:10:00.000Z',
      data: { status: 'ACKNOWLEDGED', firstResponseSeconds: 600, acknowledgedAt: '2026-03-02T08:10:00.000Z' },
    });
    expect(story.events[2].data).toMatchObject({ assigneeId: 'a0000000-0000-4000-8000-000000000001' });
    expect(story.events[6].data).toMatchObject({ status: 'REOPENED', resolvedAt: null });
    expect(story.last.data).toMatchObject({ status: 'CLOSED' });
  });

  it('uses the given times and values when a step names them', () => {
    const story = new TicketStory({
      openedAt: '2025-03-01T08:00:00Z',
      customerId: 'c1000000-0000-4000-8000-000000000001',
    })
      .acknowledge('2025-03-01T09:00:00Z', 120)
      .resolve('2025-03-02T08:00:00Z', { withinSla: null, resolutionSeconds: 90 });
    expect(story.events[1]).toMatchObject({
      occurredAt: '2025-03-01T09:00:00Z',
      data: { firstResponseSeconds: 120 },
    });
    expect(story.last.data).toMatchObject({
      customerId: 'c1000000-0000-4000-8000-000000000001',
      withinSla: null,
      resolutionSeconds: 90,
      resolvedAt: '2025-03-02T08:00:00Z',
    });
  });

  it('shuffles deterministically', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    expect(shuffled(items, 7)).toEqual(shuffled(items, 7));
    expect([...shuffled(items, 7)].sort()).toEqual(items);
  });
});
