import { loadSubgraphConfig } from '@opsgraph/service-kit';
import { ConfigError } from '@opsgraph/service-runtime';
import { subgraph } from './subgraph';

const load = (env: Record<string, string>) => loadSubgraphConfig(subgraph, env);

// The shared variables are tested in libs/platform/runtime; here only the KPI service's own.
describe('kpi configuration', () => {
  it('defaults to port 4106, UTC days, a 20 % at-risk share and a one-minute scan and recheck', () => {
    expect(load({})).toMatchObject({
      port: 4106,
      kpiTimeZone: 'UTC',
      atRiskShare: 0.2,
      atRiskScanMs: 60_000,
      alertRecheckMs: 60_000,
      snapshotScanMs: 10_000,
    });
  });

  it('reads its variables', () => {
    expect(
      load({
        KPI_TIME_ZONE: 'Asia/Hong_Kong',
        KPI_AT_RISK_SHARE: '0.3',
        KPI_AT_RISK_SCAN_MS: '5000',
        KPI_ALERT_RECHECK_MS: '30000',
        KPI_SNAPSHOT_SCAN_MS: '2000',
      }),
    ).toMatchObject({
      kpiTimeZone: 'Asia/Hong_Kong',
      atRiskShare: 0.3,
      atRiskScanMs: 5000,
      alertRecheckMs: 30_000,
      snapshotScanMs: 2000,
    });
  });

  it.each([
    ['KPI_TIME_ZONE', 'Mars/Olympus'],
    ['KPI_AT_RISK_SHARE', '1.5'],
    ['KPI_AT_RISK_SHARE', 'lots'],
    ['KPI_AT_RISK_SCAN_MS', '10'],
    ['KPI_ALERT_RECHECK_MS', 'often'],
    ['KPI_SNAPSHOT_SCAN_MS', '0'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => load({ [name]: value })).toThrow(ConfigError);
    expect(() => load({ [name]: value })).toThrow(name);
  });
});
