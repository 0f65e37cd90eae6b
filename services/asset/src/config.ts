import { integer, type Env, type ServiceConfig } from '@opsgraph/service-runtime';

export interface AssetConfig extends ServiceConfig {
  /** How often each replica looks for overdue maintenance; each due point is still reported once (rows are locked). */
  readonly overdueScanIntervalMs: number;
}

/** The asset service's own variables, on top of those every service reads. */
export function assetConfig(env: Env, base: ServiceConfig): AssetConfig {
  return {
    ...base,
    overdueScanIntervalMs: integer(env, 'OVERDUE_SCAN_INTERVAL_MS', 60_000, { min: 100, max: 86_400_000 }),
  };
}
