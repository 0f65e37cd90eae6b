import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The one registry of this process; `/metrics` serves it. */
export const metricsRegistry = new Registry();

let defaultsCollected = false;

export function collectDefaultMetricsOnce(): void {
  if (defaultsCollected) return;
  defaultsCollected = true;
  collectDefaultMetrics({ register: metricsRegistry });
}

function existing<T>(name: string, kind: new (...args: never[]) => T): T | undefined {
  const metric = metricsRegistry.getSingleMetric(name);
  if (!metric) return undefined;
  if (!(metric instanceof kind)) {
    throw new Error(`metric ${name} is already registered as a different type`);
  }
  return metric;
}

export function getOrCreateCounter<L extends string = string>(
  name: string,
  help: string,
  labelNames: readonly L[] = [],
): Counter<L> {
  return (
    (existing(name, Counter) as Counter<L> | undefined) ??
    new Counter<L>({ name, help, labelNames, registers: [metricsRegistry] })
  );
}

export function getOrCreateGauge<L extends string = string>(
  name: string,
  help: string,
  labelNames: readonly L[] = [],
): Gauge<L> {
  return (
    (existing(name, Gauge) as Gauge<L> | undefined) ??
    new Gauge<L>({ name, help, labelNames, registers: [metricsRegistry] })
  );
}

export function getOrCreateHistogram<L extends string = string>(
  name: string,
  help: string,
  labelNames: readonly L[] = [],
  buckets?: number[],
): Histogram<L> {
  return (
    (existing(name, Histogram) as Histogram<L> | undefined) ??
    new Histogram<L>({
      name,
      help,
      labelNames,
      registers: [metricsRegistry],
      ...(buckets ? { buckets } : {}),
    })
  );
}
