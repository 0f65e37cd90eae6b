// A deployable started from its compiled entrypoint (`node dist/app/…/main.js`) the way the image's CMD starts it:
// no `-r` register hook, only the variables a pod gets, its JSON log lines read for the listening port.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export interface CompiledProcess {
  readonly child: ChildProcess;
  /** stdout + stderr so far. */
  output(): string;
  /** The `url` of the first log line that has one (services log it once started, the gateway once ready). */
  url(timeoutMs: number): Promise<string>;
  /** Resolves with the exit code. */
  exited(): Promise<number | null>;
  stop(): Promise<number | null>;
}

export function startCompiled(entrypoint: string, env: Record<string, string>, cwd: string): CompiledProcess {
  const child = spawn(process.execPath, [entrypoint], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exit = once(child, 'exit').then(([code]) => code as number | null);

  const urlOf = (): string | undefined => {
    for (const line of text.split('\n')) {
      if (!line.startsWith('{')) continue;
      try {
        const { url } = JSON.parse(line) as { url?: string };
        if (url) return url;
      } catch {
        // A partial line: read again on the next chunk.
      }
    }
    return undefined;
  };

  return {
    child,
    output: () => text,
    async url(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = urlOf();
        if (found) return found;
        if (child.exitCode !== null) throw new Error(`${entrypoint} exited with ${child.exitCode}:\n${text}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`${entrypoint} logged no url within ${timeoutMs} ms:\n${text}`);
    },
    exited: () => exit,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exit;
    },
  };
}

/** GET `url` until it answers 200 or `timeoutMs` passes; the last status otherwise. */
export async function waitForOk(url: string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let status = 0;
  while (Date.now() < deadline) {
    status = await fetch(url).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return status;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return status;
}
