import { serviceDefaults } from '@opsgraph/services-manifest';
import { loadServiceConfig, type Env, type ServiceConfig } from '@opsgraph/service-runtime';
import type { SubgraphDefinition } from './subgraph-definition';

/** The subgraph's configuration from `env`: the variables every service reads, then its own. */
export function loadSubgraphConfig<C extends ServiceConfig>(
  definition: Pick<SubgraphDefinition<C>, 'name' | 'config' | 'defaults'>,
  env: Env = process.env,
): C {
  const base = loadServiceConfig(env, definition.defaults ?? serviceDefaults(definition.name));
  return definition.config ? definition.config(env, base) : (base as C);
}
