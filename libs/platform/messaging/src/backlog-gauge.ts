import type { Logger } from '@opsgraph/observability';
import { outboxBacklog } from './metrics';

/**
 * Keeps `outbox_backlog` at the database's count of unpublished rows, sampled on a timer of its own: it stays true
 * while publishing hangs or fails (a broker outage), which a value set from the publish path would not.
 */
export class BacklogGauge {
  private timer: NodeJS.Timeout | undefined;
  private sampling: Promise<void> | undefined;

  constructor(
    private readonly count: () => Promise<number>,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.sample(), this.intervalMs);
    this.timer.unref();
    void this.sample();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.sampling;
  }

  /** One reading now (skipped while the previous one is still running, e.g. against a slow database). */
  sample(): Promise<void> {
    this.sampling ??= this.count()
      .then((n) => outboxBacklog().set(n))
      .catch((error: unknown) => this.logger.warn({ err: error }, 'outbox relay: cannot read the backlog'))
      .finally(() => (this.sampling = undefined));
    return this.sampling;
  }
}
