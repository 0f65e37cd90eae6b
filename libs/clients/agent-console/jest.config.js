const preset = require('../../../jest.preset');
module.exports = { ...preset, displayName: 'client-agent-console', rootDir: __dirname };
