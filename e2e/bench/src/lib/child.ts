// Child processes running repository TypeScript (`node -r scripts/register.cjs <file>`), from the CLI or from jest.
import { fork, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const REGISTER = path.join(ROOT, 'scripts', 'register.cjs');

/** A repository tree whose TypeScript the bench runs in child processes: this checkout, or a baseline beside it. */
export interface SourceTree {
  /** `today`, or e.g. `baseline-d26a82c`. */
  name: string;
  root: string;
  /** Its scripts/register.cjs. */
  register: string;
  /** What its processes need on top of the bench's env (a baseline: its own SWC_NODE_PROJECT). */
  env: Record<string, string>;
}

/** This checkout. */
export const TODAY: SourceTree = { name: 'today', root: ROOT, register: REGISTER, env: {} };

// Children still running when the bench exits (an error, Ctrl-C) are killed with it.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function track(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** A forked TypeScript module of `tree` with an IPC channel. */
export function forkTs(
  file: string,
  env: NodeJS.ProcessEnv,
  nodeFlags: string[] = [],
  tree: SourceTree = TODAY,
): ChildProcess {
  return track(
    fork(file, [], {
      cwd: tree.root,
      execArgv: [...nodeFlags, '-r', tree.register],
      env: { ...process.env, ...tree.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
}

/** `command` pinned to `cpu` with taskset when `cpu` is given. */
export function spawnPinned(
  cpu: number | undefined,
  command: string,
  args: string[],
  options: SpawnOptions,
): ChildProcess {
  return track(
    cpu === undefined
      ? spawn(command, args, options)
      : spawn('taskset', ['-c', String(cpu), command, ...args], options),
  );
}

/** Sends SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
export async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
