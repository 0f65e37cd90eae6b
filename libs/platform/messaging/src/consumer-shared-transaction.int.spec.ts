import { randomUUID } from 'node:crypto';
import { dlqTopicName, type DomainEvent } from '@opsgraph/contracts-events';
import { createConsumer, type ConsumerOptions } from './consumer-runtime';
import { NonRetriableError } from './errors';
import { ticketEvent } from './test-support/events';
import { produceToPartitions, readTopic, waitFor } from './test-support/harness';
import { ticketConsumerOptions, useHarness, type HarnessSuite } from './test-support/suite';

interface Call {
  eventIds: string[];
  partitions: number[];
  offsets: string[];
  failed: boolean;
}

/** Each list to its own partition, in one request, so that the batches arrive in one fetch. */
const send = (suite: HarnessSuite, partitions: DomainEvent[][]) =>
  produceToPartitions(suite.harness.kafka, suite.harness.ticketTopic, partitions);

const story = (length: number) => {
  const ticketId = randomUUID();
  return Array.from({ length }, (_, i) => ticketEvent(ticketId, i + 1));
};

describe('consumer batch path: partition batches sharing one transaction (shareTransaction)', () => {
  const suite = useHarness('consumer-shared-tx');

  beforeAll(async () => {
    await suite.harness.dataSource.query(
      'create table shared_seen (consumer text, event_id uuid, via text, primary key (consumer, event_id))',
    );
  });

  /** A consumer recording each batch call and writing what it handled (and by which path) to shared_seen. */
  function start(consumerName: string, isBad: (event: DomainEvent) => boolean = () => false) {
    const calls: Call[] = [];
    const seen = (manager: Parameters<ConsumerOptions['handle']>[1], ids: string[], via: string) =>
      manager.query(
        `insert into shared_seen (consumer, event_id, via) select $1, id, $3 from unnest($2::uuid[]) as id`,
        [consumerName, ids, via],
      );
    const runtime = createConsumer({
      ...ticketConsumerOptions(suite.harness, consumerName),
      partitionsConcurrently: 3,
      shareTransaction: true,
      handleBatch: async (events, manager, context) => {
        const call = {
          eventIds: events.map((event) => event.eventId),
          partitions: context.messages.map((message) => message.partition),
          offsets: context.messages.map((message) => message.offset),
          failed: events.some(isBad),
        };
        calls.push(call);
        if (call.failed) throw new Error('batch contains a poison message');
        await seen(manager, call.eventIds, 'batch');
      },
      handle: async (event, manager) => {
        if (isBad(event)) throw new NonRetriableError('poison');
        await seen(manager, [event.eventId], 'one');
      },
    });
    suite.track(runtime);
    return { runtime, calls };
  }

  const handled = async (consumerName: string): Promise<Map<string, string>> => {
    const rows: Array<{ id: string; via: string }> = await suite.harness.dataSource.query(
      'select event_id::text as id, via from shared_seen where consumer = $1',
      [consumerName],
    );
    return new Map(rows.map((row) => [row.id, row.via]));
  };

  it('hands the batches of one fetch to one handleBatch call in one transaction, each partition in order', async () => {
    const partitions = [story(3), story(2), story(4)];
    await send(suite, partitions);
    const { runtime, calls } = start('shared');
    await runtime.start();
    const all = partitions.flat();
    await waitFor(
      () => handled('shared'),
      (done) => done.size === all.length,
      { what: 'every event handled' },
    );

    // Every event once, through the batch path; the three batches arrived together and shared a call.
    expect(calls.flatMap((call) => call.eventIds).sort()).toEqual(all.map((event) => event.eventId).sort());
    expect([...(await handled('shared')).values()].every((via) => via === 'batch')).toBe(true);
    const shared = calls.filter((call) => new Set(call.partitions).size > 1);
    expect(shared.length).toBeGreaterThan(0);
    expect(calls.length).toBeLessThan(partitions.length);
    for (const call of calls) {
      // Each event with its own partition and offset (a fresh topic: offsets index the lists sent), each
      // partition's events in offset order.
      call.eventIds.forEach((eventId, i) => {
        expect(eventId).toBe(partitions[call.partitions[i]][Number(call.offsets[i])].eventId);
      });
      partitions.forEach((_, partition) => {
        const offsets = call.offsets.filter((_, i) => call.partitions[i] === partition).map(Number);
        expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
      });
    }
  });

  it('retries a failed shared transaction batch by batch, then the failing batch message by message', async () => {
    const good = [story(3), story(3)];
    const poisoned = story(3);
    const poison = poisoned[1];
    await send(suite, [poisoned, ...good]);
    const { runtime, calls } = start('poisoned', (event) => event.eventId === poison.eventId);
    await runtime.start();
    // The topic still holds the first test's events: this new group reads them too.
    const expected = [...good.flat(), poisoned[0], poisoned[2]];
    await waitFor(
      () => handled('poisoned'),
      (done) => expected.every((event) => done.has(event.eventId)),
      { what: 'every good event handled' },
    );
    const letters = await waitFor(
      () => readTopic(suite.harness.kafka, dlqTopicName(suite.harness.ticketTopic, 'poisoned')),
      (records) => records.length === 1,
      { what: 'the poison message dead-lettered' },
    );

    const done = await handled('poisoned');
    // The good partitions' batches were written as batches on their own; the poisoned one event by event.
    for (const event of good.flat()) expect(done.get(event.eventId)).toBe('batch');
    expect(done.get(poisoned[0].eventId)).toBe('one');
    expect(done.get(poisoned[2].eventId)).toBe('one');
    expect(done.has(poison.eventId)).toBe(false);
    expect(JSON.parse(String(letters[0].message.value))).toEqual(poison);
    // First all three batches together (failed), then each batch alone.
    expect(calls[0].failed).toBe(true);
    expect(new Set(calls[0].partitions)).toEqual(new Set([0, 1, 2]));
    for (const events of good) {
      const written = calls.find((call) => call.eventIds.includes(events[0].eventId) && !call.failed);
      expect(new Set(written?.partitions).size).toBe(1);
    }
  });
});
