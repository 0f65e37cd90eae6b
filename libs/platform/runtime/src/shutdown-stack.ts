import type { Logger } from '@opsgraph/observability';

/**
 * What a service started, stopped in reverse order (server before relay before pool), each step once. A failing
 * step is logged and the rest still run, so one stuck part never keeps the pool or the consumer group open.
 */
export class ShutdownStack {
  private readonly steps: (() => Promise<unknown>)[] = [];

  constructor(private readonly logger: Logger) {}

  push(step: () => Promise<unknown>): void {
    this.steps.push(step);
  }

  async run(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) {
      await step().catch((error: unknown) => this.logger.error({ err: error }, 'error while stopping'));
    }
  }
}
