import type { ApolloServerPlugin } from '@apollo/server';
import { getOrCreateCounter, getOrCreateHistogram } from '@opsgraph/observability';
import { errorCodeOf } from '../errors/format-error';

export const httpRequestDuration = () =>
  getOrCreateHistogram(
    'http_request_duration_seconds',
    'HTTP request latency of the subgraph server',
    ['subgraph', 'method', 'route', 'status'],
    [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  );

export const resolverErrors = () =>
  getOrCreateCounter('graphql_resolver_errors_total', 'Errors raised while resolving fields', [
    'subgraph',
    'field',
    'code',
  ]);

/**
 * Counts execution errors (those with a path) by root field and client-visible code. Operation names are
 * not labels: clients choose them, so their cardinality is unbounded.
 */
export function resolverErrorMetricsPlugin(subgraph: string): ApolloServerPlugin {
  const counter = resolverErrors();
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (!error.path?.length) continue;
            counter.inc({ subgraph, field: String(error.path[0]), code: errorCodeOf(error) });
          }
        },
      };
    },
  };
}
