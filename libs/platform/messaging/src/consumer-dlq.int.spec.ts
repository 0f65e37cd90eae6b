import { randomUUID } from 'node:crypto';
import { dlqTopicName, fromKafkaHeaders, type DomainEvent } from '@opsgraph/contracts-events';
import { Partitioners } from 'kafkajs';
import { createConsumer } from './consumer-runtime';
import { DLQ_HEADERS } from './dlq';
import { NonRetriableError } from './errors';
import { ticketEvent } from './test-support/events';
import { produceEvents, readTopic, waitFor } from './test-support/harness';
import { metricSum } from './test-support/metrics';
import { applyEvent, projectionSummary } from './test-support/projection';
import { ticketConsumerOptions, useHarness } from './test-support/suite';

const header = (headers: Record<string, unknown> | undefined, name: string): string | undefined =>
  headers?.[name] === undefined ? undefined : String(headers[name]);

describe('poison messages', () => {
  const suite = useHarness('consumer-dlq');
  const ticketId = randomUUID();
  const first = ticketEvent(ticketId, 1);
  const poison = ticketEvent(ticketId, 2);
  const permanent = ticketEvent(ticketId, 3);
  const behind = Array.from({ length: 100 }, (_, i) => ticketEvent(ticketId, i + 4));

  beforeAll(async () => {
    const { harness } = suite;
    await harness.dataSource.query('create table batch_seen (event_id uuid primary key)');
    // One aggregate, so one partition: everything behind the poison waits for it.
    await produceEvents(harness.kafka, harness.ticketTopic, [
      first,
      poison,
      permanent,
      ...behind.slice(0, 50),
    ]);
    const producer = harness.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({
      topic: harness.ticketTopic,
      messages: [{ key: ticketId, value: '{"not":"an event"' }],
    });
    await producer.disconnect();
    await produceEvents(harness.kafka, harness.ticketTopic, behind.slice(50));
  });

  it('goes to the DLQ after at most 3 attempts with complete headers, and the 100 messages behind it are processed', async () => {
    const { harness } = suite;
    const attempts = new Map<string, number>();
    const runtime = createConsumer({
      ...ticketConsumerOptions(harness, 'projector'),
      handle: async (event, manager) => {
        attempts.set(event.eventId, (attempts.get(event.eventId) ?? 0) + 1);
        if (event.eventId === poison.eventId) throw new Error('projection cannot apply this event');
        if (event.eventId === permanent.eventId) throw new NonRetriableError('not for this projection');
        await applyEvent(manager, event);
      },
    });
    suite.track(runtime);
    await runtime.start();

    const dlqTopic = dlqTopicName(harness.ticketTopic, 'projector');
    await waitFor(
      () => projectionSummary(harness.dataSource),
      (summary) => summary.applied === 101,
      {
        what: 'the events around the poison message',
      },
    );
    const letters = await readTopic(harness.kafka, dlqTopic);
    console.log(
      `poison attempts ${attempts.get(poison.eventId)}, behind it processed ${(await projectionSummary(harness.dataSource)).applied - 1}/100`,
    );

    expect(attempts.get(poison.eventId)).toBe(3);
    expect(attempts.get(permanent.eventId)).toBe(1);
    expect(behind.every((event) => attempts.get(event.eventId) === 1)).toBe(true);
    expect(letters).toHaveLength(3);

    const [poisonLetter, permanentLetter, invalidLetter] = letters.map((record) => record.message);
    expect(JSON.parse(String(poisonLetter.value))).toEqual(poison);
    expect(String(poisonLetter.key)).toBe(ticketId);
    const headers = poisonLetter.headers as Record<string, unknown>;
    expect(header(headers, DLQ_HEADERS.originalTopic)).toBe(harness.ticketTopic);
    const source = (await readTopic(harness.kafka, harness.ticketTopic)).find(
      (record) => String(record.message.value) === String(poisonLetter.value),
    );
    expect(header(headers, DLQ_HEADERS.originalPartition)).toBe(String(source?.partition));
    expect(header(headers, DLQ_HEADERS.originalOffset)).toBe('1');
    expect(header(headers, DLQ_HEADERS.error)).toBe('Error: projection cannot apply this event');
    expect(header(headers, DLQ_HEADERS.attempts)).toBe('3');
    expect(header(headers, DLQ_HEADERS.consumer)).toBe('projector');
    expect(fromKafkaHeaders(poisonLetter.headers)).toMatchObject({
      eventId: poison.eventId,
      aggregateVersion: 2,
    });

    expect(header(permanentLetter.headers as Record<string, unknown>, DLQ_HEADERS.attempts)).toBe('1');
    expect(header(permanentLetter.headers as Record<string, unknown>, DLQ_HEADERS.error)).toMatch(
      /NonRetriableError/,
    );
    expect(header(invalidLetter.headers as Record<string, unknown>, DLQ_HEADERS.error)).toMatch(
      /invalid event: not JSON/,
    );
    expect(header(invalidLetter.headers as Record<string, unknown>, DLQ_HEADERS.originalOffset)).toBe('53');
    expect(await metricSum('consumer_dlq_total', { consumer: 'projector' })).toBe(3);
  });

  it('isolates the poison message when a batch handler fails, by falling back to one message at a time', async () => {
    const { harness } = suite;
    const batches: number[] = [];
    const insert = (ids: string[]) =>
      `insert into batch_seen (event_id) select unnest(array[${ids.map((id) => `'${id}'::uuid`).join(',')}])`;
    const isBad = (event: DomainEvent): boolean =>
      event.eventId === poison.eventId || event.eventId === permanent.eventId;
    const runtime = createConsumer({
      ...ticketConsumerOptions(harness, 'batched'),
      handleBatch: async (events, manager) => {
        batches.push(events.length);
        if (events.some(isBad)) throw new Error('batch contains a poison message');
        await manager.query(insert(events.map((event) => event.eventId)));
      },
      handle: async (event, manager) => {
        if (isBad(event)) throw new NonRetriableError('poison');
        await manager.query(insert([event.eventId]));
      },
    });
    suite.track(runtime);
    await runtime.start();

    const dlqTopic = dlqTopicName(harness.ticketTopic, 'batched');
    await waitFor(
      async () => (await harness.dataSource.query('select count(*)::int as n from batch_seen'))[0].n,
      (n) => n === 101,
      { what: 'the batched consumer to process the good messages' },
    );
    const letters = await readTopic(harness.kafka, dlqTopic);
    // The batch path dead-letters undecodable messages before its transaction, so the order differs from above.
    const offsets = letters.map((record) =>
      header(record.message.headers as Record<string, unknown>, DLQ_HEADERS.originalOffset),
    );
    expect(offsets.sort()).toEqual(['1', '2', '53']);
    expect(batches.length).toBeGreaterThan(0);
  });
});
