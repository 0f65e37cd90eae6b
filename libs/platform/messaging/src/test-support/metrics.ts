import { metricsRegistry } from '@opsgraph/observability';

/** Sum of a metric's series whose labels include `labels`. */
export async function metricSum(name: string, labels: Record<string, string> = {}): Promise<number> {
  const metric = metricsRegistry.getSingleMetric(name);
  if (!metric) return 0;
  const { values } = await metric.get();
  return values
    .filter((entry) => {
      const series = (entry as { metricName?: string }).metricName;
      return series === undefined || series === name;
    })
    .filter((entry) => Object.entries(labels).every(([key, value]) => String(entry.labels[key]) === value))
    .reduce((sum, entry) => sum + entry.value, 0);
}
