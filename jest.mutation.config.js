// Jest settings for mutation runs (StrykerJS): only the unit specs named in OPSGRAPH_MUTATION_SPECS (comma-separated,
// relative to this file), no global setup, so no Postgres/Kafka. Stryker loads this file inside its sandbox, so
// `__dirname` (and the preset's path aliases) point at the mutated copy.
const path = require('node:path');
const preset = require('./jest.preset');

const specs = (process.env.OPSGRAPH_MUTATION_SPECS ?? '').split(',').filter(Boolean);
if (specs.length === 0) throw new Error('OPSGRAPH_MUTATION_SPECS names no unit spec');
for (const spec of specs) {
  if (!spec.endsWith('.unit.spec.ts')) throw new Error(`mutation runs unit specs only, not ${spec}`);
}

module.exports = {
  ...preset,
  rootDir: __dirname,
  roots: [...new Set(specs.map((spec) => path.join(__dirname, spec.split('/src/')[0])))],
  testMatch: specs.map((spec) => path.join(__dirname, spec)),
};
