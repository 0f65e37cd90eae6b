// `node scripts/run.mjs <file.ts | tool> [args…]`: the package.json scripts that run repository TypeScript (bench,
// infra, docs) or a workspace tool (nx) go through here, so that they run on Node 24 with current node_modules,
// like `npm start` and `npm test`.
import path from 'node:path';
import { bootstrap, root } from './lib/bootstrap.mjs';
import { runAndExitWith } from './lib/runtime.mjs';

const [target, ...args] = process.argv.slice(2);
if (!target) {
  console.error('usage: node scripts/run.mjs <file.ts | node_modules/.bin tool> [args…]');
  process.exit(2);
}
await bootstrap();
const command = target.endsWith('.ts')
  ? ['-r', path.join(root, 'scripts', 'register.cjs'), target]
  : [path.join(root, 'node_modules', '.bin', target)];
await runAndExitWith(process.execPath, [...command, ...args], { cwd: root });
