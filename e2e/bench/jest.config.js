const preset = require('../../jest.preset');

// The bench project's tests: pure unit specs, and one smoke spec that runs every benchmark part with tiny sizes
// in-process (real PostgreSQL and Kafka from libs/testing's global setup) so that the scripts never rot.
module.exports = {
  ...preset,
  displayName: 'bench',
  rootDir: __dirname,
  globalSetup: require.resolve('../../libs/testing/src/jest/global-setup.ts'),
  globalTeardown: require.resolve('../../libs/testing/src/jest/global-teardown.ts'),
  maxWorkers: 1,
  testTimeout: 900_000,
};
