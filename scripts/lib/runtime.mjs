// Node 24 for every process of `npm start`, `npm test`, `npm run bench|infra:*|seed|token`. Node built-ins only:
// this runs before node_modules exists, possibly on an older Node.
//
// A machine whose Node is older than MINIMUM gets the version in .nvmrc from the npm registry (the
// platform's `node-<os>-<arch>` package: the binary itself, no install script) under .local/node, and the
// calling script runs again on it. Children then find that Node first on PATH, so `npm`, `npx`, `nx` and jest
// run on it too.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const MINIMUM = [24, 11];
const REEXEC_MARK = 'OPSGRAPH_RUNTIME_FROM';

export function pinnedVersion() {
  return fs.readFileSync(path.join(root, '.nvmrc'), 'utf8').trim().replace(/^v/, '');
}

export function isSupported(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  return major > MINIMUM[0] || (major === MINIMUM[0] && minor >= MINIMUM[1]);
}

function localNode(version) {
  const arch = process.arch === 'x64' || process.arch === 'arm64' ? process.arch : undefined;
  if (process.platform !== 'linux' || !arch) {
    throw new Error(
      `this machine runs node ${process.version}; opsgraph needs Node ${MINIMUM.join('.')}+ (install Node 24 LTS, ` +
        `e.g. \`nvm install\` reads .nvmrc)`,
    );
  }
  const pkg = `node-${process.platform}-${arch}`;
  const prefix = path.join(root, '.local', 'node', version);
  return { pkg, prefix, bin: path.join(prefix, 'node_modules', pkg, 'bin', 'node') };
}

function installNode(version) {
  const target = localNode(version);
  if (fs.existsSync(target.bin)) return target.bin;
  console.error(
    `[runtime] installing node v${version} from npm into .local/node (first use; this machine has node ${process.version})`,
  );
  fs.mkdirSync(target.prefix, { recursive: true });
  try {
    execFileSync(
      'npm',
      [
        'install',
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--no-package-lock',
        '--loglevel=error',
        '--prefix',
        target.prefix,
        `${target.pkg}@${version}`,
      ],
      { cwd: target.prefix, stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (error) {
    throw new Error(
      `npm could not install ${target.pkg}@${version}: ${error.stderr?.toString().trim() || error.message}`,
    );
  }
  if (!fs.existsSync(target.bin))
    throw new Error(`npm installed ${target.pkg}@${version} but ${target.bin} is missing`);
  return target.bin;
}

function withNodeFirstOnPath(env, nodeBin) {
  const dir = path.dirname(nodeBin);
  const entries = (env.PATH ?? '').split(path.delimiter).filter((entry) => entry && entry !== dir);
  return { ...env, PATH: [dir, ...entries].join(path.delimiter) };
}

/**
 * Runs `command` with inherited stdio until it exits, then exits the same way. Ctrl-C reaches the whole
 * foreground process group, so this process leaves SIGINT to the child; SIGTERM and SIGHUP are passed on.
 */
export function runAndExitWith(command, args, options = {}) {
  const child = spawn(command, args, { stdio: 'inherit', ...options });
  const forward = (signal) => () => child.kill(signal);
  const handlers = { SIGINT: () => undefined, SIGTERM: forward('SIGTERM'), SIGHUP: forward('SIGHUP') };
  for (const [signal, handler] of Object.entries(handlers)) process.on(signal, handler);
  child.on('error', (error) => {
    console.error(`[runtime] could not run ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    for (const [name, handler] of Object.entries(handlers)) process.off(name, handler);
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
  return new Promise(() => undefined);
}

/**
 * Returns when this process runs on a supported Node (whose directory is then first on PATH); otherwise runs
 * this same script on Node from .local/node and never returns. `announce` prints the Node in use on one line.
 */
export async function ensureRuntime({ announce = true } = {}) {
  if (isSupported()) {
    Object.assign(process.env, withNodeFirstOnPath(process.env, process.execPath));
    if (announce) {
      const from = process.env[REEXEC_MARK];
      const where = path.relative(root, process.execPath).startsWith('.local')
        ? `.local/node, installed from npm: this machine has node ${from ?? 'older than 24'}`
        : process.execPath;
      console.error(`[runtime] node ${process.version} (${where})`);
    }
    return;
  }
  if (process.env[REEXEC_MARK])
    throw new Error(`${process.execPath} is ${process.version}, expected Node 24`);
  const bin = installNode(pinnedVersion());
  const env = { ...withNodeFirstOnPath(process.env, bin), [REEXEC_MARK]: process.version };
  await runAndExitWith(bin, [...process.execArgv, ...process.argv.slice(1)], { env });
}
