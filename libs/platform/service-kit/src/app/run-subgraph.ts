import type { ServiceConfig } from '@opsgraph/service-runtime';
import { runService } from '@opsgraph/service-runtime';
import { loadSubgraphConfig } from './config';
import { createSubgraphApp } from './create-subgraph-app';
import { projectionsOf, type SubgraphDefinition } from './subgraph-definition';

/** A service's `main.ts`: configuration from the environment → the app → clean shutdown on SIGTERM/SIGINT. */
export function runSubgraph<C extends ServiceConfig, S, X extends object>(
  definition: SubgraphDefinition<C, S, X>,
): void {
  void runService({
    name: definition.name,
    loadConfig: () => loadSubgraphConfig(definition),
    start: (config, logger) => createSubgraphApp(definition, { config, logger }),
    describe: (config) => ({
      api: config.runApi,
      relay: config.runRelay,
      consumers: config.runConsumers ? projectionsOf(definition, config).map((p) => p.name) : [],
      jobs: config.runJobs,
    }),
  });
}
