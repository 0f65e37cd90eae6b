import { startTracing } from '@opsgraph/observability';

// Imported first by main.ts: tracing starts before the modules it instruments (http, graphql, pg) load.
startTracing({ serviceName: 'kpi' });
