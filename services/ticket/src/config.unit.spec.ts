import { loadSubgraphConfig } from '@opsgraph/service-kit';
import { ConfigError, type Env } from '@opsgraph/service-runtime';
import { subgraph } from './subgraph';

const loadConfig = (env: Env) => loadSubgraphConfig(subgraph, env);

// The shared variables are tested in libs/platform/runtime; here only this service's own.
describe('loadConfig', () => {
  it('defaults to the ticket port and database, scanning every 5 s', () => {
    expect(loadConfig({})).toMatchObject({
      port: 4101,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/opsgraph_ticket',
      runSlaScanner: true,
      slaScanIntervalMs: 5000,
      autoCloseIntervalMs: 60000,
    });
  });

  it('reads the job settings', () => {
    expect(loadConfig({ RUN_SLA_SCANNER: 'false', SLA_SCAN_INTERVAL_MS: '250' })).toMatchObject({
      runSlaScanner: false,
      slaScanIntervalMs: 250,
    });
  });

  it.each([
    ['SLA_SCAN_INTERVAL_MS', '5', /SLA_SCAN_INTERVAL_MS must be an integer from 100/],
    ['AUTO_CLOSE_INTERVAL_MS', 'soon', /AUTO_CLOSE_INTERVAL_MS must be an integer/],
    ['RUN_SLA_SCANNER', 'maybe', /RUN_SLA_SCANNER must be true or false/],
  ])('names %s when its value %s is bad', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});
