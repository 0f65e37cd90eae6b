const preset = require('../../../jest.preset');
module.exports = { ...preset, displayName: 'service-runtime', rootDir: __dirname };
