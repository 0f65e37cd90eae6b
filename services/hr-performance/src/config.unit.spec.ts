import { loadSubgraphConfig } from '@opsgraph/service-kit';
import { ConfigError } from '@opsgraph/service-runtime';
import { subgraph } from './subgraph';

const loadConfig = (env: Record<string, string>) => loadSubgraphConfig(subgraph, env);

// The shared variables are tested in libs/platform/runtime; here only this service's own.
describe('hr-performance configuration', () => {
  it('defaults to the hr-performance port, database and UTC months', () => {
    expect(loadConfig({})).toMatchObject({
      port: 4103,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/opsgraph_hr_performance',
      kpiTimeZone: 'UTC',
    });
  });

  it('reads the KPI time zone', () => {
    expect(loadConfig({ KPI_TIME_ZONE: 'Asia/Shanghai' }).kpiTimeZone).toBe('Asia/Shanghai');
  });

  it('refuses an unknown time zone, naming the variable', () => {
    expect(() => loadConfig({ KPI_TIME_ZONE: 'Mars/Olympus' })).toThrow(ConfigError);
    expect(() => loadConfig({ KPI_TIME_ZONE: 'Mars/Olympus' })).toThrow('KPI_TIME_ZONE');
  });
});
