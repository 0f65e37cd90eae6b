const preset = require('../../../jest.preset');
module.exports = { ...preset, displayName: 'personal-data', rootDir: __dirname };
