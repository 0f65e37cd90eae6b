import { ConfigError, raw, type Env, type ServiceConfig } from '@opsgraph/service-runtime';
import { DEFAULT_AT_RISK_SHARE } from './at-risk/at-risk.rules';
import { assertTimeZone } from './engine/period.rules';

export interface KpiConfig extends ServiceConfig {
  /** The IANA zone whose civil days bucket the KPI facts (changing it needs `nx run kpi:replay`). */
  readonly kpiTimeZone: string;
  /** A deadline is at risk with less than this share of its window left (KPI_AT_RISK_SHARE, default 0.2). */
  readonly atRiskShare: number;
  /** How often the at-risk scanner runs (KPI_AT_RISK_SCAN_MS, default 60 s). */
  readonly atRiskScanMs: number;
  /** How often open alerts are judged again over the window ending now (KPI_ALERT_RECHECK_MS, default 60 s). */
  readonly alertRecheckMs: number;
  /** How often period closes and due live updates are published (KPI_SNAPSHOT_SCAN_MS, default 10 s). */
  readonly snapshotScanMs: number;
}

/** An interval variable: an integer number of milliseconds, at least one second. */
function intervalMs(env: Env, name: string, fallback: number): number {
  const ms = Number(raw(env, name) ?? fallback);
  if (!(Number.isInteger(ms) && ms >= 1000)) {
    throw new ConfigError(`${name} must be an integer ≥ 1000, got ${ms}`);
  }
  return ms;
}

export function kpiConfig(env: Env, base: ServiceConfig): KpiConfig {
  const zone = raw(env, 'KPI_TIME_ZONE') ?? 'UTC';
  try {
    assertTimeZone(zone);
  } catch {
    throw new ConfigError(`KPI_TIME_ZONE must be an IANA time zone such as Asia/Hong_Kong, got "${zone}"`);
  }
  const share = Number(raw(env, 'KPI_AT_RISK_SHARE') ?? DEFAULT_AT_RISK_SHARE);
  if (!(share > 0 && share < 1))
    throw new ConfigError(`KPI_AT_RISK_SHARE must be between 0 and 1, got ${share}`);
  return {
    ...base,
    kpiTimeZone: zone,
    atRiskShare: share,
    atRiskScanMs: intervalMs(env, 'KPI_AT_RISK_SCAN_MS', 60_000),
    alertRecheckMs: intervalMs(env, 'KPI_ALERT_RECHECK_MS', 60_000),
    snapshotScanMs: intervalMs(env, 'KPI_SNAPSHOT_SCAN_MS', 10_000),
  };
}
