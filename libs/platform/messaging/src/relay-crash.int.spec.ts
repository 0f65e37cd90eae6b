import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createConsumer } from './consumer-runtime';
import { OutboxRelay } from './outbox-relay';
import { OutboxWriter } from './outbox-writer';
import { readTopic, waitFor } from './test-support/harness';
import {
  applyEvent,
  countPerAggregate,
  duplicateEffects,
  projectionSummary,
} from './test-support/projection';
import { auditTopic } from './test-support/topic-order';
import { ticketConsumerOptions, useHarness, waitForCaughtUp } from './test-support/suite';
import { writeTicketEvent } from './test-support/writers';
import type { DomainEvent } from '@opsgraph/contracts-events';

const EVENTS = 1000;

describe('outbox relay killed between send and mark-published', () => {
  const suite = useHarness('relay-crash');
  const relays = new Set<OutboxRelay>();

  it('re-sends unmarked rows; the idempotent consumer applies each event once', async () => {
    const { harness } = suite;
    const consumer = suite.track(
      createConsumer({
        ...ticketConsumerOptions(harness, 'projector'),
        handle: (event, manager) => applyEvent(manager, event),
      }),
    );
    await consumer.start();

    let crashes = 0;
    const startRelay = async (): Promise<OutboxRelay> => {
      const relay = new OutboxRelay({
        dataSource: harness.dataSource,
        kafka: harness.kafka,
        batchSize: 50,
        idleIntervalMs: 200,
        leaderRetryMs: 200,
        backoff: { initialMs: 20, maxMs: 100 },
        logger: harness.logger,
        faults: {
          afterSend: () => {
            // The process "dies" after Kafka acknowledged and before the rows are marked.
            if (crashes < 30 && Math.random() < 0.3) {
              crashes += 1;
              throw new Error('simulated crash after send');
            }
          },
        },
      });
      relays.add(suite.track(relay));
      await relay.start();
      return relay;
    };
    await startRelay();
    await startRelay();

    const writer = new OutboxWriter({ namespace: harness.namespace });
    const aggregates = Array.from({ length: 20 }, () => randomUUID());
    const written: DomainEvent[] = [];
    let writing = true;
    const writes = Promise.all(
      [0, 1].map(async (lane) => {
        for (let i = lane; i < EVENTS; i += 2) {
          written.push(await writeTicketEvent(harness.dataSource, writer, aggregates[i % aggregates.length]));
        }
      }),
    ).finally(() => (writing = false));
    // Meanwhile, kill the leading relay again and again; a new one joins each time.
    let restarts = 0;
    while (writing) {
      await sleep(400);
      const leader = [...relays].find((relay) => relay.isLeader);
      if (!leader) continue;
      await leader.stop();
      relays.delete(leader);
      await startRelay();
      restarts += 1;
    }
    await writes;

    const anyRelay = [...relays][0];
    await waitFor(
      () => anyRelay.backlog(),
      (n) => n === 0,
      { what: 'the outbox to drain', timeoutMs: 60_000 },
    );
    await waitForCaughtUp(harness, 'projector', 'the consumer to reach the end of the topic');
    const audit = auditTopic(await readTopic(harness.kafka, harness.ticketTopic));
    const expected = countPerAggregate(written);
    const effects = await duplicateEffects(harness.dataSource, expected);
    const summary = await projectionSummary(harness.dataSource);
    console.log(
      `duplicate effects ${effects} (${audit.duplicates} duplicate deliveries on the topic, ` +
        `${crashes} crashes after send, ${restarts} relay restarts)`,
    );

    expect(effects).toBe(0);
    expect(summary).toEqual({ aggregates: aggregates.length, applied: EVENTS, outOfOrder: 0 });
    expect(crashes).toBeGreaterThan(0);
    expect(audit.duplicates).toBeGreaterThan(0);
    expect(audit.eventIds.size).toBe(EVENTS);
  });
});
