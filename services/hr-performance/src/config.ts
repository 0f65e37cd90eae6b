import { ConfigError, raw, type Env, type ServiceConfig } from '@opsgraph/service-runtime';
import { assertTimeZone } from './calendar/month';

export interface HrPerformanceConfig extends ServiceConfig {
  /** The IANA zone whose calendar months the KPI figures use (changing it needs a KPI replay). */
  readonly kpiTimeZone: string;
}

/** This service's own variables on top of the shared ones. */
export function hrPerformanceConfig(env: Env, base: ServiceConfig): HrPerformanceConfig {
  const value = raw(env, 'KPI_TIME_ZONE') ?? 'UTC';
  try {
    assertTimeZone(value);
  } catch {
    throw new ConfigError(`KPI_TIME_ZONE must be an IANA time zone such as Asia/Shanghai, got "${value}"`);
  }
  return { ...base, kpiTimeZone: value };
}
