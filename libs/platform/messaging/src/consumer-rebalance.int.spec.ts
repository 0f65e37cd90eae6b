import { setTimeout as sleep } from 'node:timers/promises';
import { createConsumer, type ConsumerRuntime } from './consumer-runtime';
import { ticketStream } from './test-support/events';
import { produceEvents, waitFor } from './test-support/harness';
import {
  applyEvent,
  countPerAggregate,
  duplicateEffects,
  projectionSummary,
} from './test-support/projection';
import { ticketConsumerOptions, useHarness, waitForCaughtUp } from './test-support/suite';

describe('order per aggregate across a rebalance', () => {
  const suite = useHarness('consumer-rebalance');

  it('applies every aggregate’s versions in sequence while partitions move to the remaining consumer', async () => {
    const { harness } = suite;
    const events = ticketStream(30, 40);
    const half = events.length / 2;
    // (consumer, partition, when) for every event handled: shows which partitions moved.
    const handled: { name: 'a' | 'b'; partition: number; at: number }[] = [];
    const member = (name: 'a' | 'b'): ConsumerRuntime => {
      const runtime = createConsumer({
        ...ticketConsumerOptions(harness, 'projector'),
        handle: async (event, manager, context) => {
          handled.push({ name, partition: context.partition, at: Date.now() });
          await sleep(2);
          await applyEvent(manager, event);
        },
      });
      return suite.track(runtime);
    };
    const [a, b] = [member('a'), member('b')];
    await a.start();
    await a.ready;
    await b.start();
    await b.ready;
    // The first half only once both members hold their partitions: `a` is then sure to be handling some when it
    // stops (produced before, `a` could finish it alone while `b` was still joining: nothing would move).
    const split = Date.now();
    await produceEvents(harness.kafka, harness.ticketTopic, events.slice(0, half));

    await waitFor(
      () => projectionSummary(harness.dataSource),
      (summary) => summary.applied >= 300,
      {
        what: 'a third of the stream to be applied',
      },
    );
    const producing = produceEvents(harness.kafka, harness.ticketTopic, events.slice(half));
    await a.stop(); // mid-stream: its partitions move to b
    const stopped = Date.now();
    await producing;

    await waitForCaughtUp(harness, 'projector', 'the group to reach the end of the topic');
    const summary = await projectionSummary(harness.dataSource);
    console.log(`out-of-order ${summary.outOfOrder}`);

    expect(summary.outOfOrder).toBe(0);
    expect(summary).toEqual({ aggregates: 30, applied: events.length, outOfOrder: 0 });
    expect(await duplicateEffects(harness.dataSource, countPerAggregate(events))).toBe(0);
    // The rebalance really moved partitions: b took over some that a was handling after the split.
    const aHad = new Set(
      handled.filter((entry) => entry.name === 'a' && entry.at > split).map((entry) => entry.partition),
    );
    const bTook = handled.filter(
      (entry) => entry.name === 'b' && entry.at > stopped && aHad.has(entry.partition),
    );
    expect(aHad.size).toBeGreaterThan(0);
    expect(bTook.length).toBeGreaterThan(0);
  });
});
