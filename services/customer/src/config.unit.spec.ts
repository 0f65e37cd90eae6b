import { loadConfig } from './config';

// The shared variables are tested in libs/platform/runtime; here only this service's defaults.
describe('loadConfig', () => {
  it('defaults to the customer port and database', () => {
    expect(loadConfig({})).toMatchObject({
      port: 4102,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/opsgraph_customer',
    });
  });
});
