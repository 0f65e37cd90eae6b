import { topicFor, topicName } from '@opsgraph/contracts-events';
import { TicketStory } from '@opsgraph/contracts-events/testing';
import { createServiceHarness } from '@opsgraph/service-kit/testing';
import { createEventPublisher, waitForGroupCaughtUp } from '@opsgraph/testing';
import { subgraph } from '../../subgraph';
import { TICKET_OPENINGS_TABLE, ticketOpenings } from './ticket-openings.projection';

describe('ticket-openings projection (real PostgreSQL and Kafka)', () => {
  const start = () => createServiceHarness(subgraph, 'kpi-openings');
  let harness: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    harness = await start();
  });
  afterAll(() => harness?.stop());

  it('counts ticket.opened per UTC day and skips the other ticket events', async () => {
    const { kafka, namespace } = harness.kafka;
    const topic = topicName(topicFor('ticket'), namespace);
    const publisher = createEventPublisher(kafka);
    try {
      await publisher.publish(topic, [
        ...new TicketStory({ openedAt: '2026-03-02T08:00:00.000Z' }).acknowledge().resolve().events,
        ...new TicketStory({ openedAt: '2026-03-02T23:59:00.000Z' }).events,
        ...new TicketStory({ openedAt: '2026-03-03T00:01:00.000Z' }).events,
      ]);
    } finally {
      await publisher.close();
    }
    await waitForGroupCaughtUp(kafka, ticketOpenings.groupId('kpi', namespace), topic);
    const rows = await harness.app.dataSource.query(
      `select day::text as day, opened from ${TICKET_OPENINGS_TABLE} order by day`,
    );
    expect(rows).toEqual([
      { day: '2026-03-02', opened: 2 },
      { day: '2026-03-03', opened: 1 },
    ]);
  });
});
