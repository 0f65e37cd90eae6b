import { type Env, loadServiceConfig, type ServiceConfig } from '@opsgraph/service-runtime';
import { serviceDefaults } from '@opsgraph/services-manifest';

export { ConfigError } from '@opsgraph/service-runtime';

/** The customer service reads only the variables every service reads (libs/platform/runtime). */
export type CustomerConfig = ServiceConfig;

export function loadConfig(env: Env = process.env): CustomerConfig {
  return loadServiceConfig(env, serviceDefaults('customer'));
}
