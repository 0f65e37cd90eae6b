const preset = require('../../jest.preset');
module.exports = {
  ...preset,
  displayName: 'testing',
  rootDir: __dirname,
  globalSetup: require.resolve('./src/jest/global-setup.ts'),
  globalTeardown: require.resolve('./src/jest/global-teardown.ts'),
};
