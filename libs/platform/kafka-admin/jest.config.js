const preset = require('../../../jest.preset');
module.exports = { ...preset, displayName: 'kafka-admin', rootDir: __dirname };
