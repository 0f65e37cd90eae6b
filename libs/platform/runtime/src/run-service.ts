// Decorator metadata (type-graphql, TypeORM) must be readable before any service module loads.
import 'reflect-metadata';
import { createLogger, stopTracing, type Logger } from '@opsgraph/observability';

export interface RunningService {
  /** Null when this process runs no API (RUN_API=false: a relay or consumer-only pod). */
  url: string | null;
  stop(): Promise<void>;
}

export interface RunServiceOptions<C extends { logLevel: string }> {
  name: string;
  loadConfig: () => C;
  start: (config: C, logger: Logger) => Promise<RunningService>;
  /** Extra fields for the "started" log line. */
  describe?: (config: C) => Record<string, unknown>;
}

/**
 * A service's `main`: configuration → start → stop cleanly on SIGTERM/SIGINT (finish in-flight work, commit
 * offsets, close pools) → exit. A failed start or stop exits non-zero so that Kubernetes restarts the pod.
 */
export async function runService<C extends { logLevel: string }>(
  options: RunServiceOptions<C>,
): Promise<void> {
  let logger: Logger | undefined;
  try {
    const config = options.loadConfig();
    logger = createLogger({ service: options.name, level: config.logLevel });
    const service = await options.start(config, logger);
    logger.info({ url: service.url, ...options.describe?.(config) }, `${options.name} started`);

    let stopping = false;
    const shutdown = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      logger?.info({ signal }, 'shutting down');
      service
        .stop()
        .then(() => stopTracing().catch(() => undefined))
        .then(
          () => process.exit(0),
          (error: unknown) => {
            logger?.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
    };
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
  } catch (error) {
    if (logger) logger.fatal({ err: error }, `${options.name} failed to start`);
    else console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
