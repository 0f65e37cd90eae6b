import { dlqTopicName, type DomainEvent } from '@opsgraph/contracts-events';
import { createTestKafka, type TestKafka } from '@opsgraph/testing';
import { Partitioners, type Admin, type Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { createConsumer } from './consumer-runtime';
import { ensureDlqTopics } from './dlq';
import { ticketEvent } from './test-support/events';
import {
  createHarness,
  produceEvents,
  TEST_CONSUMER_TIMINGS,
  testKafkaClient,
  waitFor,
  type Harness,
} from './test-support/harness';

// `npm start` on a fresh broker: the infrastructure step creates the topics, and every service's consumer creates its
// DLQ topics at start, at the same moment. kafkajs's createTopics({ waitForLeaders: true }) and a first metadata
// request then met UNKNOWN_TOPIC_OR_PARTITION ("This server does not host this topic-partition") for topics the
// controller had just created, which stopped the service. Each round below creates source topics without waiting,
// then lets three "services" (one client each) create their DLQs at once.
describe('DLQ topics right after their source topics were created', () => {
  let testKafka: TestKafka;
  const clients: { kafka: Kafka; admin: Admin }[] = [];

  beforeAll(async () => {
    testKafka = createTestKafka('dlq-topics');
    for (let i = 0; i < 4; i++) {
      const kafka = testKafkaClient(`dlq-topics-${i}`, testKafka.brokers);
      const admin = kafka.admin();
      await admin.connect();
      clients.push({ kafka, admin });
    }
  });
  afterAll(async () => {
    for (const { admin } of clients) await admin.disconnect().catch(() => undefined);
    await testKafka?.cleanup();
  });

  it('are created with leaders and take messages at once, round after round', async () => {
    const [creator, ...services] = clients;
    for (let round = 0; round < 6; round++) {
      const sources = [0, 1, 2].map((i) => testKafka.topic(`r${round}.source${i}`));
      await creator.admin.createTopics({
        topics: sources.map((topic) => ({ topic, numPartitions: 6 })),
        waitForLeaders: false,
      });
      const created = await Promise.all(
        services.map(({ admin }, i) => ensureDlqTopics(admin, sources, `consumer${i}`)),
      );
      expect(created.map((topics) => topics.length)).toEqual([3, 3, 3]);

      const dlqs = services.flatMap((_, i) => sources.map((source) => dlqTopicName(source, `consumer${i}`)));
      const { topics } = await creator.admin.fetchTopicMetadata({ topics: dlqs });
      expect(topics.every((topic) => topic.partitions.length === 6)).toBe(true);
      expect(topics.flatMap((topic) => topic.partitions).every((partition) => partition.leader >= 0)).toBe(
        true,
      );

      const producer = services[round % services.length].kafka.producer({
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      try {
        await producer.sendBatch({
          acks: -1,
          topicMessages: dlqs.map((topic) => ({
            topic,
            messages: Array.from({ length: 6 }, (_, partition) => ({ partition, value: 'dead letter' })),
          })),
        });
      } finally {
        await producer.disconnect();
      }
    }
  }, 120_000);

  it('finds them in place for a second replica of the consumer', async () => {
    const sources = [testKafka.topic('r0.source0')];
    await expect(ensureDlqTopics(clients[1].admin, sources, 'consumer0')).resolves.toEqual([]);
  });

  it('still fails, after a bounded wait and with a clear message, when a source topic does not exist', async () => {
    const missing = testKafka.topic('no-such-topic');
    await expect(
      ensureDlqTopics(clients[1].admin, [missing], 'consumer0', { timeoutMs: 1500 }),
    ).rejects.toThrow(/no leader after 1500 ms \(do they exist\?\).*does not host this topic-partition/);
  });
});

describe('a consumer started on topics created a moment before', () => {
  let harness: Harness;
  let admin: Admin;

  beforeAll(async () => {
    harness = await createHarness('consumer-fresh-topics');
    admin = harness.kafka.admin();
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.disconnect();
    await harness?.cleanup();
  });

  it('subscribes and consumes at once, round after round', async () => {
    for (let round = 0; round < 3; round++) {
      const topic = harness.testKafka.topic(`fresh${round}.events`);
      await admin.createTopics({ topics: [{ topic, numPartitions: 6 }], waitForLeaders: false });
      const handled: DomainEvent[] = [];
      const runtime = createConsumer({
        kafka: harness.kafka,
        groupId: `${harness.namespace}.fresh${round}`,
        consumerName: `fresh${round}`,
        topics: [topic],
        dataSource: harness.dataSource,
        logger: harness.logger,
        ...TEST_CONSUMER_TIMINGS,
        onFatal: (error) => {
          throw error;
        },
        handle: async (event) => {
          handled.push(event);
        },
      });
      try {
        await runtime.start();
        await runtime.ready;
        const event = ticketEvent(randomUUID(), 1);
        await produceEvents(harness.kafka, topic, [event]);
        await waitFor(
          async () => handled.map((seen) => seen.eventId),
          (ids) => ids.includes(event.eventId),
          { timeoutMs: 30_000, what: `the event on ${topic}` },
        );
      } finally {
        await runtime.stop();
      }
    }
  }, 120_000);
});
