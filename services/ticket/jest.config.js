const preset = require('../../jest.preset'); module.exports = { ...preset, displayName: 'ticket', rootDir: __dirname };
