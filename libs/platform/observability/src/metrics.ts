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

type MetricKind<M, L extends string> = new (config: {
  name: string;
  help: string;
  labelNames: readonly L[];
  registers: Registry[];
  buckets?: number[];
}) => M;

/** The metric registered under `name`, or a new one of `kind` in the process registry. */
function getOrCreate<M, L extends string>(
  kind: MetricKind<M, L>,
  name: string,
  help: string,
  labelNames: readonly L[],
  buckets?: number[],
): M {
  return (
    existing(name, kind) ??
    new kind({ name, help, labelNames, registers: [metricsRegistry], ...(buckets ? { buckets } : {}) })
  );
}

export const getOrCreateCounter = <L extends string = string>(
  name: string,
  help: string,
  labelNames: readonly L[] = [],
) => getOrCreate(Counter<L>, name, help, labelNames);

export const getOrCreateGauge = <L extends string = string>(
  name: string,
  help: string,
  labelNames: readonly L[] = [],
) => getOrCreate(Gauge<L>, name, help, labelNames);

export const getOrCreateHistogram = <L extends string = string>(
  name: string,
  help: string,
  labelNames: readonly L[] = [],
  buckets?: number[],
) => getOrCreate(Histogram<L>, name, help, labelNames, buckets);
