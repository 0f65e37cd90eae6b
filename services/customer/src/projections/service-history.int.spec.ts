// The service-history read model fed from the ticket topic on the real Kafka: idempotent, order-independent,
// replayable into an identical table.
import {
  toKafkaHeaders,
  topicFor,
  topicName,
  type TicketEvent,
  type TicketKind,
} from '@opsgraph/contracts-events';
import { TicketStory } from '@opsgraph/contracts-events/testing';
import { metricsRegistry } from '@opsgraph/observability';
import { waitFor } from '@opsgraph/testing';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { AGENT, startCustomer, type CustomerHarness } from '../test-support/customer-test';
import { serviceHistoryProjection } from './service-history.projection';

// The deployed consumer name: its group and processed_events rows must stay valid.
const SERVICE_HISTORY_CONSUMER = 'customer-service-history';

const HISTORY = `query ($id: ID!) { customer(id: $id) { serviceHistory {
  ticketsTotal ticketsOpen complaints lastContactAt averageSatisfaction surveysAnswered
  lastComplaint { ticket { id } number openedAt } } } }`;

interface History {
  ticketsTotal: number;
  ticketsOpen: number;
  complaints: number;
  lastContactAt: string | null;
  averageSatisfaction: number | null;
  surveysAnswered: number;
  lastComplaint: { ticket: { id: string }; number: string; openedAt: string } | null;
}

/** The same ticket history for any customer: the same kinds, scores and times. */
function storiesFor(customerId: string) {
  const story = (kind: TicketKind, openedAt: string) => new TicketStory({ customerId, kind, openedAt });
  const request = story('SERVICE_REQUEST', '2026-03-02T08:00:00.000Z')
    .acknowledge()
    .resolve()
    .survey(undefined, 4)
    .close();
  const complaint = story('COMPLAINT', '2026-03-05T08:00:00.000Z').acknowledge().note();
  const fault = story('FAULT', '2026-03-03T09:00:00.000Z').assign().resolve().survey(undefined, 2);
  const events = [...request.events, ...complaint.events, ...fault.events];
  return { complaint, events };
}

describe('service history from the ticket topic', () => {
  let h: CustomerHarness;
  let producer: Producer;
  let first: string;
  let second: string;
  const published = new Set<string>();
  let firstEvents: TicketEvent[] = [];

  const publish = async (events: readonly TicketEvent[]) => {
    await producer.send({
      topic: topicName(topicFor('ticket'), h.kafka.namespace),
      messages: events.map((event) => ({
        key: event.aggregateId,
        value: JSON.stringify(event),
        headers: toKafkaHeaders(event),
      })),
    });
    events.forEach((event) => published.add(event.eventId));
  };

  /** Messages the projection's consumer has taken: handled, or skipped as already processed. */
  const outcomes = async () => {
    const metric = await metricsRegistry.getSingleMetric('consumer_processed_total')?.get();
    const sum = (outcome: string) =>
      (metric?.values ?? [])
        .filter(
          (value) => value.labels.consumer === SERVICE_HISTORY_CONSUMER && value.labels.outcome === outcome,
        )
        .reduce((total, value) => total + value.value, 0);
    return { handled: sum('handled'), duplicate: sum('duplicate') };
  };

  const history = async (customerId: string) =>
    (await h.ok<{ customer: { serviceHistory: History } }>(HISTORY, { id: customerId })).customer
      .serviceHistory;

  const tableHashes = async (): Promise<{ tickets: string; summaries: string }> =>
    (
      await h.app.dataSource.query(`select
        (select md5(coalesce(string_agg(t::text, '|' order by t.ticket_id), '')) from service_history_tickets t) as tickets,
        (select md5(coalesce(string_agg(s::text, '|' order by s.customer_id), '')) from customer_service_history s) as summaries`)
    )[0];

  const register = async (code: string) =>
    (
      await h.ok<{ registerCustomer: { id: string } }>(
        `mutation ($input: RegisterCustomerInput!) { registerCustomer(input: $input) { id } }`,
        { input: { code, name: code, type: 'ORGANIZATION' } },
        AGENT,
      )
    ).registerCustomer.id;

  beforeAll(async () => {
    h = await startCustomer('customer-history');
    producer = h.kafka.kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    first = await register('HIST-1');
    second = await register('HIST-2');
  });

  afterAll(async () => {
    await producer?.disconnect();
    await h?.stop();
  });

  it('counts tickets, open tickets, complaints, satisfaction, the last contact and the last complaint', async () => {
    const { complaint, events } = storiesFor(first);
    firstEvents = events;
    const before = await outcomes();
    await publish(events);
    await waitFor(outcomes, (now) => now.handled >= before.handled + events.length, {
      what: 'events handled',
    });

    expect(await history(first)).toEqual({
      ticketsTotal: 3,
      ticketsOpen: 1,
      complaints: 1,
      // The complaint's acknowledgement; its later internal note is no contact with the customer.
      lastContactAt: '2026-03-05T08:10:00.000Z',
      averageSatisfaction: 3,
      surveysAnswered: 2,
      lastComplaint: {
        ticket: { id: complaint.ticketId },
        number: complaint.number,
        openedAt: '2026-03-05T08:00:00.000Z',
      },
    });
    expect(await history(second)).toMatchObject({
      ticketsTotal: 0,
      lastContactAt: null,
      lastComplaint: null,
    });
  });

  it('changes nothing when the same events are delivered twice, or re-sent under a new event id', async () => {
    const hashes = await tableHashes();
    const replayed = firstEvents;
    const before = await outcomes();
    await publish(replayed);
    await waitFor(outcomes, (now) => now.duplicate >= before.duplicate + replayed.length, {
      what: 'duplicates skipped',
    });
    expect(await tableHashes()).toEqual(hashes);

    // A producer bug re-sending an old event with a fresh id passes the inbox; the version guard absorbs it.
    const resent = { ...replayed[2], eventId: randomUUID() } as TicketEvent;
    await publish([resent]);
    await waitFor(outcomes, (now) => now.handled >= before.handled + 1, { what: 're-sent event handled' });
    expect(await tableHashes()).toEqual(hashes);
  });

  it('gives the same history when the events arrive late and out of order', async () => {
    const { complaint, events } = storiesFor(second);
    const before = await outcomes();
    // Newest first: every survey after its ticket's close, every opening last.
    await publish([...events].reverse());
    await waitFor(outcomes, (now) => now.handled >= before.handled + events.length, {
      what: 'events handled',
    });
    const expected = await history(first);
    expect(await history(second)).toEqual({
      ...expected,
      lastComplaint: {
        ...expected.lastComplaint,
        ticket: { id: complaint.ticketId },
        number: complaint.number,
      },
    });
  });

  it('rebuilds an identical history table from the topic (replay)', async () => {
    const hashes = await tableHashes();
    const processed = async () =>
      Number(
        (
          await h.app.dataSource.query(
            'select count(*)::int as n from processed_events where consumer = $1',
            [SERVICE_HISTORY_CONSUMER],
          )
        )[0].n,
      );
    expect(await processed()).toBe(published.size);

    const before = await outcomes();
    await h.app.replay(serviceHistoryProjection.name);
    // Every event handled again from the start of the topic (not skipped as already processed).
    await waitFor(outcomes, (now) => now.handled >= before.handled + published.size, {
      what: 'replay caught up',
      timeoutMs: 60_000,
    });
    // The topic also holds the twice-delivered messages: skipped again, as duplicates.
    await waitFor(outcomes, (now) => now.duplicate >= before.duplicate + firstEvents.length, {
      what: 'duplicates',
    });
    expect(await outcomes()).toEqual({
      handled: before.handled + published.size,
      duplicate: before.duplicate + firstEvents.length,
    });
    expect(await processed()).toBe(published.size);
    expect(await tableHashes()).toEqual(hashes);
    expect((await history(first)).ticketsTotal).toBe(3);
  });

  it('counts a merged pair of tickets once (ticket.merged), the survivor as the last complaint', async () => {
    const third = await register('HIST-3');
    const survivor = new TicketStory({
      customerId: third,
      kind: 'COMPLAINT',
      openedAt: '2026-04-01T08:00:00.000Z',
    }).acknowledge();
    // The duplicate came in later; merged, it is neither a ticket of its own nor the last complaint.
    const duplicate = new TicketStory({
      customerId: third,
      kind: 'COMPLAINT',
      openedAt: '2026-04-01T09:00:00.000Z',
    })
      .acknowledge()
      .mergeInto(survivor);
    const events = [...duplicate.events].reverse().concat(survivor.events);
    const before = await outcomes();
    await publish(events);
    await waitFor(outcomes, (now) => now.handled >= before.handled + events.length, {
      what: 'events handled',
    });
    expect(await history(third)).toMatchObject({
      ticketsTotal: 1,
      ticketsOpen: 1,
      complaints: 1,
      lastComplaint: { ticket: { id: survivor.ticketId }, number: survivor.number },
    });
  });
});
