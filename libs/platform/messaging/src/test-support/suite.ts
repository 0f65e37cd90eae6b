import { topicFor } from '@opsgraph/contracts-events';
import type { ConsumerOptions } from '../consumer-runtime';
import { createHarness, TEST_CONSUMER_TIMINGS, type Harness, waitFor } from './harness';
import { totalLag } from './lag';

interface Stoppable {
  stop(): Promise<void>;
}

export interface HarnessSuite {
  /** The suite's harness (available from `beforeAll` on). */
  readonly harness: Harness;
  /** Stops `running` after the suite (the last tracked first), before the harness is cleaned up. */
  track<T extends Stoppable>(running: T): T;
}

/** Registers a suite's `beforeAll`/`afterAll`: a fresh harness, and everything tracked stopped before its cleanup. */
export function useHarness(label: string): HarnessSuite {
  let harness: Harness | undefined;
  const running: Stoppable[] = [];
  beforeAll(async () => {
    harness = await createHarness(label);
  });
  afterAll(async () => {
    for (const entry of running.reverse()) await entry.stop();
    await harness?.cleanup();
  });
  return {
    get harness(): Harness {
      if (!harness) throw new Error(`the ${label} harness is not set up yet`);
      return harness;
    },
    track(entry) {
      running.push(entry);
      return entry;
    },
  };
}

/** Consumer options for `consumerName` (group `<namespace>.<consumerName>`) on the suite's ticket topic. */
export function ticketConsumerOptions(
  harness: Harness,
  consumerName: string,
): Omit<ConsumerOptions, 'handle'> {
  return {
    kafka: harness.kafka,
    groupId: `${harness.namespace}.${consumerName}`,
    consumerName,
    topics: [topicFor('ticket')],
    namespace: harness.namespace,
    dataSource: harness.dataSource,
    logger: harness.logger,
    ...TEST_CONSUMER_TIMINGS,
  };
}

/** Waits until `consumerName`'s group has committed the end of the suite's ticket topic. */
export async function waitForCaughtUp(harness: Harness, consumerName: string, what: string): Promise<void> {
  await waitFor(
    () =>
      totalLag(harness.kafka, `${harness.namespace}.${consumerName}`, consumerName, [harness.ticketTopic]),
    (lag) => lag === 0,
    { what, timeoutMs: 60_000, intervalMs: 250 },
  );
}
