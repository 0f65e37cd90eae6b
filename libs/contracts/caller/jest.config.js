const preset = require('../../../jest.preset');
module.exports = { ...preset, displayName: 'contracts-caller', rootDir: __dirname };
