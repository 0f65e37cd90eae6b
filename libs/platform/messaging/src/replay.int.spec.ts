import { topicFor } from '@opsgraph/contracts-events';
import { metricsRegistry } from '@opsgraph/observability';
import { createConsumer, type ConsumerRuntime } from './consumer-runtime';
import { ConsumerGroupActiveError } from './errors';
import { replayProjection, runReplayCommand } from './replay';
import { ticketStream } from './test-support/events';
import {
  createHarness,
  produceEvents,
  TEST_CONSUMER_TIMINGS,
  type Harness,
  waitFor,
} from './test-support/harness';
import { applyEvent, applyEvents, projectionHash, projectionSummary } from './test-support/projection';

async function lagSeries(consumer: string): Promise<number[]> {
  const metric = metricsRegistry.getSingleMetric('consumer_lag');
  if (!metric) return [];
  return (await metric.get()).values
    .filter((entry) => entry.labels.consumer === consumer)
    .map((entry) => entry.value);
}

describe('replay', () => {
  let harness: Harness;
  let runtime: ConsumerRuntime | undefined;
  let batchCalls = 0;
  const events = ticketStream(40, 25);

  beforeAll(async () => {
    harness = await createHarness('replay');
    await produceEvents(harness.kafka, harness.ticketTopic, events);
  });
  afterAll(async () => {
    await runtime?.stop();
    await harness.cleanup();
  });

  const projection = () => ({
    groupId: `${harness.namespace}.projector`,
    consumerName: 'projector',
    topics: [topicFor('ticket')],
    namespace: harness.namespace,
    truncate: ['test_projection'],
  });

  const consume = async (): Promise<void> => {
    runtime = createConsumer({
      ...projection(),
      kafka: harness.kafka,
      dataSource: harness.dataSource,
      logger: harness.logger,
      ...TEST_CONSUMER_TIMINGS,
      handleBatch: (batch, manager) => {
        batchCalls += 1;
        return applyEvents(manager, batch);
      },
      handle: (event, manager) => applyEvent(manager, event),
    });
    await runtime.start();
    await waitFor(
      () => projectionSummary(harness.dataSource),
      (summary) => summary.applied === events.length,
      {
        what: 'the projection to be built',
      },
    );
    // The runtime's own lag sampler reports every partition caught up.
    await waitFor(
      () => lagSeries('projector'),
      (lags) => lags.length === 6 && lags.every((lag) => lag === 0),
      {
        what: 'consumer_lag to reach 0',
      },
    );
  };

  it('rebuilds a projection identical to the original', async () => {
    await consume();
    const original = await projectionHash(harness.dataSource);

    await expect(
      replayProjection({ ...projection(), kafka: harness.kafka, dataSource: harness.dataSource }),
    ).rejects.toBeInstanceOf(ConsumerGroupActiveError);
    await runtime!.stop();

    const out: string[] = [];
    const command = {
      projections: { tickets: projection() },
      kafka: harness.kafka,
      dataSource: harness.dataSource,
      out: (line: string) => out.push(line),
    };
    expect(await runReplayCommand({ ...command, argv: ['nope'] })).toBe(2);
    expect(out.pop()).toBe('usage: replay <tickets>');
    expect(await runReplayCommand({ ...command, argv: ['tickets'] })).toBe(0);
    expect(out.pop()).toMatch(
      /^replay tickets: group .* reset to the earliest offsets; truncated test_projection/,
    );
    expect(await projectionSummary(harness.dataSource)).toEqual({ aggregates: 0, applied: 0, outOfOrder: 0 });
    const [{ n }] = await harness.dataSource.query(
      "select count(*)::int as n from processed_events where consumer = 'projector'",
    );
    expect(n).toBe(0);

    await consume();
    const rebuilt = await projectionHash(harness.dataSource);
    console.log(
      `projection hash ${original} before, ${rebuilt} after replay: ${original === rebuilt ? 'equal' : 'different'}`,
    );
    expect(rebuilt).toBe(original);
    expect(batchCalls).toBeGreaterThan(0);
    expect(await projectionSummary(harness.dataSource)).toEqual({
      aggregates: 40,
      applied: events.length,
      outOfOrder: 0,
    });
  });

  it('refuses table names it cannot quote safely', async () => {
    await expect(
      replayProjection({
        ...projection(),
        truncate: ['x; drop table outbox'],
        kafka: harness.kafka,
        dataSource: harness.dataSource,
      }),
    ).rejects.toThrow(/not a table name/);
  });
});
