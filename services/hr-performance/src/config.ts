import { ConfigError, type Env, loadServiceConfig, raw, type ServiceConfig } from '@opsgraph/service-runtime';
import { serviceDefaults } from '@opsgraph/services-manifest';
import { assertTimeZone } from './kpi/kpi.period';

export { ConfigError } from '@opsgraph/service-runtime';

export interface HrPerformanceConfig extends ServiceConfig {
  /** The IANA zone whose calendar months the KPI figures use (changing it needs a KPI replay). */
  readonly kpiTimeZone: string;
}

export function loadConfig(env: Env = process.env): HrPerformanceConfig {
  return {
    ...loadServiceConfig(env, serviceDefaults('hr-performance')),
    kpiTimeZone: timeZone(env, 'KPI_TIME_ZONE', 'UTC'),
  };
}

function timeZone(env: Env, name: string, fallback: string): string {
  const value = raw(env, name) ?? fallback;
  try {
    assertTimeZone(value);
  } catch {
    throw new ConfigError(`${name} must be an IANA time zone such as Asia/Shanghai, got "${value}"`);
  }
  return value;
}
