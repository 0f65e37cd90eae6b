import { allTopics, topicFor, topicName, toKafkaHeaders, type DomainEvent } from '@opsgraph/contracts-events';
import { createLogger, type Logger } from '@opsgraph/observability';
import { createDataSource, platformMigrations, runMigrations } from '@opsgraph/persistence';
import {
  createTestDatabase,
  createTestKafka,
  testKafkaBrokers,
  type TestDatabase,
  type TestKafka,
} from '@opsgraph/testing';
export { waitFor } from '@opsgraph/testing';
export { startKafkaInstance, type KafkaInstance } from '@opsgraph/local-infra';
import { Partitioners, type Kafka, type KafkaMessage } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { createKafka } from '../kafka';
import { CreateTestProjection1900000000000 } from './projection';

export interface Harness {
  database: TestDatabase;
  dataSource: DataSource;
  testKafka: TestKafka;
  /** A client made by `createKafka` (quick retries for tests). */
  kafka: Kafka;
  namespace: string;
  /** The namespaced ticket topic (6 partitions, from the catalogue). */
  ticketTopic: string;
  logger: Logger;
  cleanup(): Promise<void>;
}

export const testLogger = (): Logger =>
  createLogger({ service: 'messaging-test', level: process.env.LOG_LEVEL ?? 'silent' });

export function testKafkaClient(
  clientId: string,
  brokers = testKafkaBrokers(),
  logger = testLogger(),
): Kafka {
  return createKafka({
    clientId,
    brokers,
    logger,
    connectionTimeoutMs: 1000,
    retry: { initialRetryTime: 100, maxRetryTime: 1000, retries: 5 },
  });
}

/** A fresh database with the platform and test migrations, and this suite's own ticket topic on the test broker. */
export async function createHarness(label: string): Promise<Harness> {
  const database = await createTestDatabase(label);
  const dataSource = createDataSource({
    url: database.url,
    applicationName: `test-${label}`,
    migrations: [...platformMigrations, CreateTestProjection1900000000000],
    poolSize: 12,
  });
  await dataSource.initialize();
  await runMigrations(dataSource);
  const testKafka = createTestKafka(label);
  const ticketTopic = topicName(topicFor('ticket'), testKafka.namespace);
  await testKafka.createTopics(allTopics(testKafka.namespace).filter((topic) => topic.topic === ticketTopic));
  const logger = testLogger();
  return {
    database,
    dataSource,
    testKafka,
    kafka: testKafkaClient(label, testKafka.brokers, logger),
    namespace: testKafka.namespace,
    ticketTopic,
    logger,
    async cleanup() {
      await testKafka.cleanup();
      await dataSource.destroy();
      await database.drop();
    },
  };
}

/** Produces events exactly as the relay does (key = aggregate id, envelope JSON, envelope headers). */
export async function produceEvents(
  kafka: Kafka,
  topic: string,
  events: readonly DomainEvent[],
): Promise<void> {
  const producer = kafka.producer({
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    for (let start = 0; start < events.length; start += 500) {
      await producer.send({
        topic,
        acks: -1,
        messages: events.slice(start, start + 500).map((event) => ({
          key: event.aggregateId,
          value: JSON.stringify(event),
          headers: toKafkaHeaders(event),
        })),
      });
    }
  } finally {
    await producer.disconnect();
  }
}

/**
 * Each list of events to its own partition (list i → partition i), in one request, so that each list arrives as one
 * Kafka batch of one fetch. `traceparentOf` adds a W3C trace context header per event.
 */
export async function produceToPartitions(
  kafka: Kafka,
  topic: string,
  partitions: ReadonlyArray<readonly DomainEvent[]>,
  traceparentOf: (event: DomainEvent) => string | undefined = () => undefined,
): Promise<void> {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({
      topic,
      acks: -1,
      messages: partitions.flatMap((events, partition) =>
        events.map((event) => ({
          partition,
          key: event.aggregateId,
          value: JSON.stringify(event),
          headers: toKafkaHeaders(event, { traceparent: traceparentOf(event) }),
        })),
      ),
    });
  } finally {
    await producer.disconnect();
  }
}

export interface TopicRecord {
  partition: number;
  message: KafkaMessage;
}

/** Every message on `topic` up to its current high watermarks, in partition order. */
export async function readTopic(kafka: Kafka, topic: string, timeoutMs = 60_000): Promise<TopicRecord[]> {
  const admin = kafka.admin();
  await admin.connect();
  const watermarks = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const remaining = new Map(
    watermarks
      .filter((entry) => Number(entry.high) > Number(entry.low))
      .map((entry) => [entry.partition, Number(entry.high)]),
  );
  const records: TopicRecord[] = [];
  if (remaining.size === 0) return records;
  const consumer = kafka.consumer({
    groupId: `reader-${Date.now()}-${Math.random()}`,
    sessionTimeout: 10_000,
    heartbeatInterval: 1000,
    maxWaitTimeInMs: 250,
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`read ${records.length} messages of ${topic} before the timeout`)),
        timeoutMs,
      );
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          const high = remaining.get(partition);
          if (high === undefined || Number(message.offset) >= high) return;
          records.push({ partition, message });
          if (Number(message.offset) >= high - 1) remaining.delete(partition);
          if (remaining.size === 0) resolve();
        },
      });
    });
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
  return records;
}

export function eventIdOf(message: KafkaMessage): string {
  return (JSON.parse(String(message.value)) as DomainEvent).eventId;
}

/** Consumer settings for tests: quick session timeouts, quick lag sampling. */
export const TEST_CONSUMER_TIMINGS = {
  sessionTimeoutMs: 6000,
  heartbeatIntervalMs: 500,
  maxWaitTimeMs: 250,
  lagIntervalMs: 500,
  backoffMs: 50,
};
