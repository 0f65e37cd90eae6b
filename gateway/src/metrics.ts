import { getOrCreateCounter, getOrCreateHistogram } from '@opsgraph/observability';
import type { Histogram } from 'prom-client';

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const requestDuration = getOrCreateHistogram(
  'gateway_http_request_duration_seconds',
  'GraphQL HTTP requests through the gateway, by status',
  ['status'],
  LATENCY_BUCKETS,
);
export const graphqlErrors = getOrCreateCounter(
  'gateway_graphql_errors_total',
  'GraphQL errors returned, by code',
  ['code'],
);
export const subgraphDuration = getOrCreateHistogram(
  'gateway_subgraph_request_duration_seconds',
  'Gateway → subgraph calls, by subgraph and outcome',
  ['subgraph', 'outcome'],
  LATENCY_BUCKETS,
);

export const selfTime = getOrCreateHistogram(
  'gateway_self_time_seconds',
  "A GraphQL operation's time in the gateway itself: from its handler starting to the response, minus the time " +
    'any of its subgraph calls was in flight (auth, planning, result shaping, waiting for the event loop)',
  [],
  [0.0005, 0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.015, 0.025, 0.05, 0.1, 0.25, 1],
);

// Label children are looked up once per status, not built per request.
const byStatus = new Map<number, Histogram.Internal<'status'>>();

export function observeRequest(status: number, seconds: number): void {
  let child = byStatus.get(status);
  if (!child) {
    child = requestDuration.labels(String(status));
    byStatus.set(status, child);
  }
  child.observe(seconds);
}

export function countError(code: string): void {
  graphqlErrors.inc({ code });
}

export function subgraphObserver(
  subgraph: string,
): (seconds: number, outcome: 'ok' | 'error' | 'timeout') => void {
  const children = {
    ok: subgraphDuration.labels(subgraph, 'ok'),
    error: subgraphDuration.labels(subgraph, 'error'),
    timeout: subgraphDuration.labels(subgraph, 'timeout'),
  };
  return (seconds, outcome) => children[outcome].observe(seconds);
}
