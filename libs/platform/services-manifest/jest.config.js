const preset = require('../../../jest.preset');
module.exports = { ...preset, displayName: 'services-manifest', rootDir: __dirname };
