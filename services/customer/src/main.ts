// Wiring only: configuration → the service → the process's signals.
import 'reflect-metadata';
import { createLogger } from '@opsgraph/observability';
import { createApp } from './app';
import { loadConfig } from './config';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ service: 'customer', level: config.logLevel });
  const app = await createApp(config, { logger });
  logger.info(
    { url: app.url, relay: config.runRelay, consumers: config.runConsumers },
    'customer service started',
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
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
