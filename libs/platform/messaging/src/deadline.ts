/** A step that did not finish in time (e.g. a Kafka call stuck in the client's own connection retries). */
export class DeadlineExceededError extends Error {
  override readonly name = 'DeadlineExceededError';
  constructor(
    readonly what: string,
    readonly ms: number,
  ) {
    super(`${what} did not finish within ${ms} ms`);
  }
}

/**
 * `work`'s result, or a `DeadlineExceededError` after `ms`. The work itself is not cancelled (the caller abandons it,
 * e.g. by disconnecting the client); its late rejection is swallowed so that it is not reported as unhandled.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceededError(what, ms)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
