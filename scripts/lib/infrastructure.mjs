// The infrastructure step of `npm start`: `deploy/local/src/cli.ts up` in a child process on this Node, its result
// handed over through a file. The child's own output and that of what it runs (Maven, java, pg_ctlcluster) goes to
// stderr: nothing a tool prints can end up in the result.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from './runtime.mjs';

/** @returns {{ databaseUrls: Record<string, string>, brokers: string[], postgres: string, kafka: string }} */
export function infrastructureUp(env = process.env) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-infra-'));
  const resultFile = path.join(dir, 'result.json');
  try {
    execFileSync(
      process.execPath,
      ['-r', './scripts/register.cjs', 'deploy/local/src/cli.ts', 'up', '--result-file', resultFile],
      { cwd: root, env, stdio: ['ignore', 2, 2] },
    );
    return JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
