// `npm test`: dependencies → real infrastructure → lint, typecheck and every project's tests (unit, integration,
// e2e) through Nx → one summary line. Exits non-zero on any failure.
// Everything runs on this script's Node (Node 24, see lib/runtime.mjs), which is first on PATH for Nx's commands.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bootstrap, root } from './lib/bootstrap.mjs';

await bootstrap();
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0' };
const started = Date.now();

// Start the servers once before Nx fans out, so parallel test projects find them running.
execFileSync(process.execPath, ['-r', './scripts/register.cjs', 'deploy/local/src/cli.ts', 'up'], { cwd: root, stdio: 'inherit', env });

const resultsDir = path.join(root, 'dist', 'test-results');
fs.rmSync(resultsDir, { recursive: true, force: true });

const nxArgs = [path.join(root, 'node_modules', '.bin', 'nx'), 'run-many', '-t', 'lint', 'typecheck', 'test', '--outputStyle=static', `--parallel=${process.env.OPSGRAPH_TEST_PARALLEL ?? 2}`];
if (process.env.CI) nxArgs.push('--skip-nx-cache');
const run = spawnSync(process.execPath, nxArgs, { cwd: root, stdio: 'inherit', env });

// Mutation floor (docs/quality.md): only rule modules whose file or specs changed since the recorded baseline.
const mutation = spawnSync(process.execPath, [path.join(root, 'scripts', 'mutation.mjs'), '--changed', '--no-typecheck'], { cwd: root, stdio: 'inherit', env });

let passed = 0;
let failed = 0;
let skipped = 0;
let suitesFailed = 0;
if (fs.existsSync(resultsDir)) {
  for (const file of fs.readdirSync(resultsDir)) {
    const result = JSON.parse(fs.readFileSync(path.join(resultsDir, file), 'utf8'));
    passed += result.numPassedTests;
    failed += result.numFailedTests;
    skipped += result.numPendingTests + result.numTodoTests;
    suitesFailed += result.numFailedTestSuites;
  }
}
const seconds = Math.round((Date.now() - started) / 1000);
const ok = run.status === 0 && failed === 0 && suitesFailed === 0 && mutation.status === 0;
if (!ok && failed === 0) failed = Math.max(1, suitesFailed);
console.log(`\nopsgraph ${ok ? 'PASSED' : 'FAILED'} in ${seconds}s (lint, typecheck and tests of every project, mutation floor of changed rule modules)`);
if (mutation.status !== 0) console.log('mutation: a changed rule module is below the floor (see above)');
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(ok ? 0 : 1);
