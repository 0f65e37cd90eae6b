import {
  collectDefaultMetricsOnce,
  getOrCreateCounter,
  getOrCreateGauge,
  getOrCreateHistogram,
  metricsRegistry,
} from './metrics';

describe('metrics', () => {
  it('returns the same metric for the same name', () => {
    const a = getOrCreateCounter('test_things_total', 'Things', ['kind']);
    const b = getOrCreateCounter('test_things_total', 'Things', ['kind']);
    expect(a).toBe(b);
    expect(getOrCreateGauge('test_gauge', 'G')).toBe(getOrCreateGauge('test_gauge', 'G'));
    expect(getOrCreateHistogram('test_hist', 'H', [], [0.1, 1])).toBe(getOrCreateHistogram('test_hist', 'H'));
  });

  it('refuses a name already used by another metric type', () => {
    getOrCreateGauge('test_clash', 'G');
    expect(() => getOrCreateCounter('test_clash', 'C')).toThrow(/different type/);
  });

  it('exposes values in the process registry', async () => {
    getOrCreateCounter('test_exposed_total', 'Exposed', ['kind']).inc({ kind: 'a' }, 2);
    getOrCreateHistogram('test_latency_seconds', 'Latency', ['op'], [0.5, 1]).observe({ op: 'x' }, 0.2);
    const text = await metricsRegistry.metrics();
    expect(text).toContain('test_exposed_total{kind="a"} 2');
    expect(text).toContain('test_latency_seconds_bucket{le="0.5",op="x"} 1');
  });

  it('collects default metrics once', async () => {
    collectDefaultMetricsOnce();
    collectDefaultMetricsOnce();
    expect(await metricsRegistry.metrics()).toContain('process_cpu_user_seconds_total');
  });
});
