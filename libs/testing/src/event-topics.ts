import { toKafkaHeaders, type EventEnvelope } from '@opsgraph/contracts-events';
import type { Kafka, Producer } from 'kafkajs';
import { waitFor } from './wait-for';

/** Publishes events as a relay would (key = aggregate id, headers mirror the envelope); one producer per publisher. */
export function createEventPublisher(kafka: Kafka): {
  publish(topic: string, events: readonly EventEnvelope<string, unknown>[]): Promise<void>;
  close(): Promise<void>;
} {
  let producer: Producer | undefined;
  return {
    async publish(topic, events) {
      if (!producer) {
        producer = kafka.producer({ allowAutoTopicCreation: false });
        await producer.connect();
      }
      await producer.send({
        topic,
        acks: -1,
        messages: events.map((event) => ({
          key: event.aggregateId,
          value: JSON.stringify(event),
          headers: toKafkaHeaders(event),
        })),
      });
    },
    async close() {
      await producer?.disconnect().catch(() => undefined);
      producer = undefined;
    },
  };
}

/** Waits until the consumer group has committed every message on every partition of the topic. */
export async function waitForGroupCaughtUp(
  kafka: Kafka,
  groupId: string,
  topic: string,
  { timeoutMs = 45_000 } = {},
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await waitFor(
      async () => {
        const [ends, [committed]] = await Promise.all([
          admin.fetchTopicOffsets(topic),
          admin.fetchOffsets({ groupId, topics: [topic] }),
        ]);
        return ends.map(({ partition, high }) => {
          const done = committed.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
          return Number(high) === 0 || Number(done) >= Number(high);
        });
      },
      (partitions) => partitions.every(Boolean),
      { timeoutMs, intervalMs: 250, what: `consumer group ${groupId} to commit every message of ${topic}` },
    );
  } finally {
    await admin.disconnect();
  }
}
