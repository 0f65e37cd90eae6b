export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  factor?: number;
  /** 0..1: the share of each delay that is randomized (spreads retries of many replicas). */
  jitter?: number;
}

/** Delay before retry number `attempt` (1-based): initial·factor^(attempt−1), capped, optionally jittered down. */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const { initialMs, maxMs, factor = 2, jitter = 0 } = options;
  const exponential = initialMs * Math.pow(factor, Math.max(0, attempt - 1));
  const capped = Math.min(maxMs, exponential);
  return Math.round(capped * (1 - jitter * random()));
}

/** Resolves after `ms`, or as soon as `signal` aborts (never rejects). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
