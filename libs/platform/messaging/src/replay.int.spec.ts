import { metricsRegistry } from '@opsgraph/observability';
import { createConsumer, type ConsumerRuntime } from './consumer-runtime';
import { ConsumerGroupActiveError } from './errors';
import { replayProjection, runReplayCommand } from './replay';
import { ticketStream } from './test-support/events';
import { produceEvents, waitFor } from './test-support/harness';
import { applyEvent, applyEvents, projectionHash, projectionSummary } from './test-support/projection';
import { ticketConsumerOptions, useHarness } from './test-support/suite';

async function lagSeries(consumer: string): Promise<number[]> {
  const metric = metricsRegistry.getSingleMetric('consumer_lag');
  if (!metric) return [];
  return (await metric.get()).values
    .filter((entry) => entry.labels.consumer === consumer)
    .map((entry) => entry.value);
}

describe('replay', () => {
  const suite = useHarness('replay');
  let runtime: ConsumerRuntime | undefined;
  let batchCalls = 0;
  const events = ticketStream(40, 25);

  beforeAll(async () => {
    await produceEvents(suite.harness.kafka, suite.harness.ticketTopic, events);
  });

  const projection = () => {
    const { groupId, consumerName, topics, namespace } = ticketConsumerOptions(suite.harness, 'projector');
    return { groupId, consumerName, topics, namespace, truncate: ['test_projection'] };
  };

  const consume = async (): Promise<void> => {
    const { harness } = suite;
    runtime = createConsumer({
      ...ticketConsumerOptions(harness, 'projector'),
      handleBatch: (batch, manager) => {
        batchCalls += 1;
        return applyEvents(manager, batch);
      },
      handle: (event, manager) => applyEvent(manager, event),
    });
    suite.track(runtime);
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
    const { harness } = suite;
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
    const { harness } = suite;
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
