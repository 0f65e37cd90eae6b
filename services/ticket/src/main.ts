// Wiring only: configuration → the service → shutdown on SIGTERM/SIGINT.
import { createLogger } from '@opsgraph/observability';
import { createApp, SERVICE_NAME } from './app';
import { loadConfig } from './config';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ service: SERVICE_NAME, level: config.logLevel });
  const app = await createApp(config, { logger });
  logger.info({ url: app.url }, 'ticket service started');

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
