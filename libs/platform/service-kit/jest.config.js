const preset = require('../../../jest.preset');
module.exports = {
  ...preset,
  displayName: 'service-kit',
  rootDir: __dirname,
  globalSetup: require.resolve('../../testing/src/jest/global-setup.ts'),
  globalTeardown: require.resolve('../../testing/src/jest/global-teardown.ts'),
  maxWorkers: 1,
};
