const preset = require('../../jest.preset');
module.exports = {
  ...preset,
  displayName: 'deploy-checks',
  rootDir: __dirname,
  globalSetup: require.resolve('../../libs/testing/src/jest/global-setup.ts'),
  globalTeardown: require.resolve('../../libs/testing/src/jest/global-teardown.ts'),
  maxWorkers: 1,
  testTimeout: 180_000,
};
