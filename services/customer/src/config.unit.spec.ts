import { loadSubgraphConfig } from '@opsgraph/service-kit';
import { subgraph } from './subgraph';

// The shared variables are tested in libs/platform/runtime; here only this service's defaults.
describe('customer config', () => {
  it('defaults to the customer port and database', () => {
    expect(loadSubgraphConfig(subgraph, {})).toMatchObject({
      port: 4102,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/opsgraph_customer',
    });
  });
});
