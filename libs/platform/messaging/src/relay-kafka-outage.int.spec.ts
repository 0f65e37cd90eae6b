import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { allTopics, topicFor, topicName } from '@opsgraph/contracts-events';
import type { Kafka } from 'kafkajs';
import { OutboxRelay } from './outbox-relay';
import { OutboxWriter } from './outbox-writer';
import {
  createHarness,
  readTopic,
  testKafkaClient,
  type Harness,
  waitFor,
  startKafkaInstance,
  type KafkaInstance,
} from './test-support/harness';
import { metricSum } from './test-support/metrics';
import { auditTopic } from './test-support/topic-order';
import { writeTicketEvent } from './test-support/writers';

const EVENTS = 1000;

// A broker of its own (ports 19092/19093, data under .local/kafka-chaos-<id>): the shared test broker keeps running.
describe('outbox relay while Kafka is down', () => {
  let harness: Harness;
  let broker: KafkaInstance;
  let kafka: Kafka;
  let relay: OutboxRelay | undefined;

  beforeAll(async () => {
    [harness, broker] = await Promise.all([
      createHarness('relay-outage'),
      startKafkaInstance({
        name: `chaos-${randomBytes(3).toString('hex')}`,
        port: 19092,
        controllerPort: 19093,
      }),
    ]);
    kafka = testKafkaClient('relay-outage', broker.brokers, harness.logger);
    const admin = kafka.admin();
    await admin.connect();
    const topic = topicName(topicFor('ticket'), harness.namespace);
    await admin.createTopics({
      topics: allTopics(harness.namespace).filter((t) => t.topic === topic),
      waitForLeaders: true,
    });
    await admin.disconnect();
  }, 120_000);
  afterAll(async () => {
    await relay?.stop();
    await broker?.destroy();
    await harness?.cleanup();
  });

  it('delivers every event written before, during and after the outage', async () => {
    const writer = new OutboxWriter({ namespace: harness.namespace });
    relay = new OutboxRelay({
      dataSource: harness.dataSource,
      kafka,
      idleIntervalMs: 200,
      backoff: { initialMs: 100, maxMs: 2000 },
      backlogIntervalMs: 200,
      logger: harness.logger,
    });
    await relay.start();

    const aggregates = Array.from({ length: 20 }, () => randomUUID());
    const written: string[] = [];
    const writing = (async () => {
      for (let i = 0; i < EVENTS; i++) {
        written.push(
          (await writeTicketEvent(harness.dataSource, writer, aggregates[i % aggregates.length])).eventId,
        );
        await sleep(10);
      }
    })();

    await waitFor(
      async () => written.length,
      (n) => n >= 300,
      { what: '300 events written' },
    );
    await broker.stop('SIGKILL');
    await waitFor(
      async () => written.length,
      (n) => n >= 500,
      { what: '500 events written' },
    );
    const backlogDuringOutage = await relay.backlog();
    // The gauge an outage alert would watch follows the backlog while publishing fails.
    const gaugeDuringOutage = await waitFor(
      () => metricSum('outbox_backlog'),
      (n) => n > 0,
      { what: 'outbox_backlog to show the outage' },
    );
    await broker.start();
    await writing;

    await waitFor(
      () => relay!.backlog(),
      (n) => n === 0,
      { what: 'the backlog to drain', timeoutMs: 60_000 },
    ).catch(() => undefined);
    const audit = auditTopic(await readTopic(kafka, topicName(topicFor('ticket'), harness.namespace)));
    const lost = written.filter((id) => !audit.eventIds.has(id)).length;
    console.log(`lost ${lost}/${EVENTS} (backlog while Kafka was down: ${backlogDuringOutage})`);

    expect(written).toHaveLength(EVENTS);
    expect(lost).toBe(0);
    expect(backlogDuringOutage).toBeGreaterThan(0);
    expect(gaugeDuringOutage).toBeGreaterThan(0);
    expect(
      await waitFor(
        () => metricSum('outbox_backlog'),
        (n) => n === 0,
        { what: 'outbox_backlog to show the drained outbox' },
      ),
    ).toBe(0);
    expect(audit.outOfOrder).toBe(0);
  }, 150_000);
});
