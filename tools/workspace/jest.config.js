const preset = require('../../jest.preset');
module.exports = { ...preset, displayName: 'workspace', rootDir: __dirname };
