import { metricsRegistry } from '@opsgraph/observability';
import { createLogger } from '@opsgraph/observability';
import { BacklogGauge } from './backlog-gauge';

const gaugeValue = async (): Promise<number> =>
  (await metricsRegistry.getSingleMetric('outbox_backlog')!.get()).values[0]?.value ?? NaN;

describe('BacklogGauge', () => {
  const logger = createLogger({ service: 'test', level: 'silent' });

  it('sets outbox_backlog to what the count returns', async () => {
    const gauge = new BacklogGauge(async () => 42, 60_000, logger);
    await gauge.sample();
    expect(await gaugeValue()).toBe(42);
  });

  it('runs one reading at a time and keeps the last value when a reading fails', async () => {
    let calls = 0;
    let release: (n: number) => void = () => undefined;
    const gauge = new BacklogGauge(
      () => {
        calls += 1;
        return new Promise<number>((resolve) => (release = resolve));
      },
      60_000,
      logger,
    );
    const first = gauge.sample();
    const second = gauge.sample();
    release(7);
    await Promise.all([first, second]);
    expect(calls).toBe(1);
    expect(await gaugeValue()).toBe(7);

    const failing = new BacklogGauge(() => Promise.reject(new Error('database down')), 60_000, logger);
    await failing.sample();
    expect(await gaugeValue()).toBe(7);
  });
});
