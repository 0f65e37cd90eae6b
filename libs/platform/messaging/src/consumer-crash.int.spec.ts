import { createConsumer, type ConsumerOptions } from './consumer-runtime';
import { ticketStream } from './test-support/events';
import { produceEvents, waitFor } from './test-support/harness';
import { metricSum } from './test-support/metrics';
import {
  applyEvent,
  countPerAggregate,
  duplicateEffects,
  projectionSummary,
} from './test-support/projection';
import { ticketConsumerOptions, useHarness, waitForCaughtUp } from './test-support/suite';

describe('consumer killed after its database commit and before its offset commit', () => {
  const suite = useHarness('consumer-crash');

  it('gets the message again and skips it: no effect is applied twice', async () => {
    const { harness } = suite;
    const events = ticketStream(20, 30);
    await produceEvents(harness.kafka, harness.ticketTopic, events.slice(0, 300));
    const base: ConsumerOptions = {
      ...ticketConsumerOptions(harness, 'projector'),
      handle: (event, manager) => applyEvent(manager, event),
    };

    // 1. The process dies: kafkajs gives up without a restart, and the runtime's onFatal (process.exit in a pod) runs.
    let seen = 0;
    let fatal: Error | undefined;
    const first = createConsumer({
      ...base,
      kafkaRetry: { retries: 0, restartOnFailure: async () => false },
      onFatal: (error) => (fatal = error),
      faults: {
        afterCommit: () => {
          seen += 1;
          if (seen === 150) throw new Error('killed after the database commit');
        },
      },
    });
    suite.track(first);
    await first.start();
    await waitFor(async () => fatal, Boolean, { what: 'the consumer to crash for good' });
    await first.stop();
    const appliedBeforeRestart = (await projectionSummary(harness.dataSource)).applied;
    await produceEvents(harness.kafka, harness.ticketTopic, events.slice(300));

    // 2. The pod restarts; it is killed again (in-process, kafkajs restarts it) after every 100th event once.
    const killedOnce = new Set<string>();
    let kills = 1;
    const second = createConsumer({
      ...base,
      faults: {
        afterCommit: (event) => {
          seen += 1;
          if (seen % 100 === 0 && !killedOnce.has(event.eventId)) {
            killedOnce.add(event.eventId);
            kills += 1;
            throw new Error('killed after the database commit');
          }
        },
      },
    });
    suite.track(second);
    await second.start();
    await waitForCaughtUp(harness, 'projector', 'the consumer to commit the end of the topic');

    const effects = await duplicateEffects(harness.dataSource, countPerAggregate(events));
    const skipped = await metricSum('consumer_processed_total', {
      consumer: 'projector',
      outcome: 'duplicate',
    });
    console.log(`duplicate effects ${effects} (${kills} kills, ${skipped} redeliveries skipped)`);

    expect(fatal).toBeInstanceOf(Error);
    expect(appliedBeforeRestart).toBeGreaterThanOrEqual(150);
    expect(effects).toBe(0);
    expect(await projectionSummary(harness.dataSource)).toEqual({
      aggregates: 20,
      applied: events.length,
      outOfOrder: 0,
    });
    expect(kills).toBeGreaterThanOrEqual(3);
    expect(skipped).toBeGreaterThanOrEqual(kills);
  });
});
