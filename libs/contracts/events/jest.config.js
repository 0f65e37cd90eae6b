const preset = require('../../../jest.preset');
module.exports = { ...preset, displayName: 'contracts-events', rootDir: __dirname };
