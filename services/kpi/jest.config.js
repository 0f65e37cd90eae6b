const preset = require('../../jest.preset');
module.exports = {
  ...preset,
  displayName: 'kpi',
  rootDir: __dirname,
  globalSetup: require.resolve('../../libs/testing/src/jest/global-setup.ts'),
  globalTeardown: require.resolve('../../libs/testing/src/jest/global-teardown.ts'),
  maxWorkers: 1,
};
