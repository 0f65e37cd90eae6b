// `npm run seed`: the demo data through the running gateway (see e2e/src/seed/main.ts for the variables).
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
execFileSync('node', ['scripts/ensure-deps.mjs'], { cwd: root, stdio: 'inherit' });
const run = spawnSync('node', ['-r', './scripts/register.cjs', 'e2e/src/seed/main.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
