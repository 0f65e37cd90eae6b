const preset = require('../jest.preset');

// Whole-stack tests: the three services (createApp) and the gateway in this process, on real PostgreSQL and Kafka
// from libs/testing's global setup. jose 6 ships only ES modules, so it is compiled like our TypeScript.
module.exports = {
  ...preset,
  displayName: 'e2e',
  rootDir: __dirname,
  // e2e/bench is a project of its own.
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.e2e.spec.ts', '**/*.unit.spec.ts'],
  transform: {
    ...preset.transform,
    '^.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  globalSetup: require.resolve('../libs/testing/src/jest/global-setup.ts'),
  globalTeardown: require.resolve('../libs/testing/src/jest/global-teardown.ts'),
  maxWorkers: 1,
  testTimeout: 120_000,
};
