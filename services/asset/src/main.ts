import { startTracing } from '@opsgraph/observability';

// First, before the modules it instruments (http, graphql, pg) load: the service's modules are required after it.
startTracing({ serviceName: 'asset' });
void import('@opsgraph/service-kit').then(async ({ runSubgraph }) =>
  runSubgraph((await import('./subgraph')).subgraph),
);
