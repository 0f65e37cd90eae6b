import type { Logger } from '@opsgraph/observability';

/**
 * Runs `task` now and then every `intervalMs`, measured from the end of one run to the start of the next, so runs
 * never overlap. A failing run is logged and retried at the next tick; `stop()` waits for the run in flight.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private active = false;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly task: () => Promise<unknown>,
    private readonly logger: Logger,
  ) {
    // NaN or 0 would make setTimeout spin the task back to back.
    if (!Number.isFinite(intervalMs) || intervalMs <= 0) {
      throw new RangeError(
        `periodic task ${name}: interval must be a positive number of ms, got ${intervalMs}`,
      );
    }
  }

  start(): void {
    if (this.active) return;
    this.active = true;
    // Restarted while a run from before stop() is still finishing: that run schedules the next one.
    if (!this.inFlight) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.active = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.inFlight = this.runOnce().finally(() => {
        this.inFlight = undefined;
        if (this.active) this.schedule(this.intervalMs);
      });
    }, delayMs);
  }

  private async runOnce(): Promise<void> {
    try {
      await this.task();
    } catch (error) {
      this.logger.error({ err: error, task: this.name }, 'periodic task failed; retrying at the next tick');
    }
  }
}
