const preset = require('../jest.preset');

// jose 6 ships only ES modules; Jest's CommonJS runtime needs it compiled like our own TypeScript.
module.exports = {
  ...preset,
  displayName: 'gateway',
  rootDir: __dirname,
  transform: {
    ...preset.transform,
    '^.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
};
