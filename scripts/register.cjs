// `node -r ./scripts/register.cjs file.ts` runs TypeScript through swc with the workspace's path aliases and
// decorator metadata (esbuild-based runners drop the metadata that type-graphql and TypeORM read).
const path = require('node:path');
process.env.SWC_NODE_PROJECT ??= path.join(__dirname, '..', 'tsconfig.base.json');
require('reflect-metadata');
require('@swc-node/register');
