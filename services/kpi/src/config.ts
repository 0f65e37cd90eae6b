import { ConfigError, raw, type Env, type ServiceConfig } from '@opsgraph/service-runtime';
import { assertTimeZone } from './engine/period.rules';

export interface KpiConfig extends ServiceConfig {
  /** The IANA zone whose civil days bucket the KPI facts (changing it needs `nx run kpi:replay`). */
  readonly kpiTimeZone: string;
}

export function kpiConfig(env: Env, base: ServiceConfig): KpiConfig {
  const zone = raw(env, 'KPI_TIME_ZONE') ?? 'UTC';
  try {
    assertTimeZone(zone);
  } catch {
    throw new ConfigError(`KPI_TIME_ZONE must be an IANA time zone such as Asia/Hong_Kong, got "${zone}"`);
  }
  return { ...base, kpiTimeZone: zone };
}
