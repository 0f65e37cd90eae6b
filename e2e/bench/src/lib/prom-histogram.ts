// A Prometheus histogram read from a process's /metrics text, and quantiles of what it observed between two reads
// (as PromQL's histogram_quantile does: linear within the bucket the rank falls in).

/** Cumulative bucket counts by upper bound in seconds (`+Inf` as Infinity), ascending. */
export type Buckets = Array<[le: number, count: number]>;

export function parseHistogram(text: string, name: string): Buckets {
  const prefix = `${name}_bucket{`;
  const buckets: Buckets = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith(prefix)) continue;
    const le = /le="([^"]+)"/.exec(line)?.[1];
    const count = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (le === undefined || !Number.isFinite(count)) continue;
    buckets.push([le === '+Inf' ? Infinity : Number(le), count]);
  }
  return buckets.sort((a, b) => a[0] - b[0]);
}

/** The q-quantile (0..1) of the observations made between `before` and `after`, in seconds; NaN for none. */
export function quantileBetween(before: Buckets, after: Buckets, q: number): number {
  const earlier = new Map(before);
  const counts = after.map(([le, count]) => [le, count - (earlier.get(le) ?? 0)] as const);
  const total = counts.at(-1)?.[1] ?? 0;
  if (total <= 0) return Number.NaN;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const [le, cumulative] of counts) {
    if (cumulative >= rank) {
      // Past the last finite bound: the best that can be said is that bound.
      if (le === Infinity) return lower;
      const inBucket = cumulative - below;
      return inBucket === 0 ? le : lower + ((le - lower) * (rank - below)) / inBucket;
    }
    lower = le;
    below = cumulative;
  }
  return lower;
}

export async function readHistogram(metricsUrl: string, name: string): Promise<Buckets> {
  const response = await fetch(metricsUrl);
  return parseHistogram(await response.text(), name);
}
