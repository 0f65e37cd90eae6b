import { loadSubgraphConfig } from '@opsgraph/service-kit';
import { ConfigError, type Env } from '@opsgraph/service-runtime';
import { subgraph } from './subgraph';

const loadConfig = (env: Env) => loadSubgraphConfig(subgraph, env);

// The shared variables are tested in libs/platform/runtime; here only this service's own.
describe('loadConfig', () => {
  it('defaults to the asset database, scanning for overdue maintenance every minute', () => {
    expect(loadConfig({})).toMatchObject({
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/opsgraph_asset',
      overdueScanIntervalMs: 60_000,
    });
  });

  it('reads OVERDUE_SCAN_INTERVAL_MS', () => {
    expect(loadConfig({ OVERDUE_SCAN_INTERVAL_MS: '250' }).overdueScanIntervalMs).toBe(250);
  });

  it.each([
    ['too short', '5'],
    ['not a number', 'soon'],
    ['too long', '86400001'],
    ['negative', '-1000'],
  ])('names OVERDUE_SCAN_INTERVAL_MS when its value is %s', (_what, value) => {
    const load = () => loadConfig({ OVERDUE_SCAN_INTERVAL_MS: value });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/OVERDUE_SCAN_INTERVAL_MS must be an integer from 100 to 86400000/);
  });
});
