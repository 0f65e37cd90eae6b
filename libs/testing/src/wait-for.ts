import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls until `probe` returns a value that `done` accepts, or fails with the last value seen. For effects that
 * travel through Kafka: a bounded wait, not a fixed sleep.
 */
export async function waitFor<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 30_000, intervalMs = 100, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!done(last)) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last)}`);
    }
    await sleep(intervalMs);
    last = await probe();
  }
  return last;
}
