// Installs the npm packages on first use, and again whenever package-lock.json or a patch in patches/ changes
// (postinstall applies them with patch-package). Node built-ins only:
// this runs before node_modules exists.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './runtime.mjs';

export function ensureDeps() {
  const lock = path.join(root, 'package-lock.json');
  const stamp = path.join(root, 'node_modules', '.opsgraph-installed');
  const patches = path.join(root, 'patches');
  const digest = () => {
    const hash = crypto.createHash('sha256').update(fs.readFileSync(lock));
    for (const name of fs.existsSync(patches) ? fs.readdirSync(patches).sort() : []) {
      hash.update(name).update(fs.readFileSync(path.join(patches, name)));
    }
    return hash.digest('hex');
  };
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === digest()) return;
  // `npm install` rather than `npm ci`: it follows the lock file all the same, but tolerates a registry mirror that
  // lacks other platforms' optional packages (npm ci then calls the lock file out of sync), and it never deletes a
  // node_modules that running processes are using. npm's output goes to stderr: stdout may carry a result.
  console.error('[deps] installing npm packages');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
  });
  fs.writeFileSync(stamp, digest());
}
