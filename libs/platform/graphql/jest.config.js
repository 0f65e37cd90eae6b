const preset = require('../../../jest.preset');
module.exports = { ...preset, displayName: 'graphql-kit', rootDir: __dirname };
