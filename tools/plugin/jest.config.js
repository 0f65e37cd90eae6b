const preset = require('../../jest.preset');
module.exports = {
  ...preset,
  displayName: 'tools-plugin',
  rootDir: __dirname,
  // Templates under files/ end in __tmpl__ and are never collected; the scratch-workspace test runs for minutes.
  testTimeout: 600_000,
  maxWorkers: 1,
};
