import './tracing';
import { collectDefaultMetricsOnce, createLogger, stopTracing } from '@opsgraph/observability';
import { loadConfig } from './config';
import { createGateway } from './server';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ service: 'gateway', level: config.logLevel });
  collectDefaultMetricsOnce();
  const gateway = await createGateway(config, { logger });
  logger.info(
    {
      url: gateway.url,
      subgraphs: Object.fromEntries(gateway.subgraphs.map(({ name, url }) => [name, url])),
    },
    `gateway ready at ${gateway.url}`,
  );
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'gateway stopping');
    gateway
      .stop()
      .then(() => stopTracing().catch(() => undefined))
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'gateway did not stop cleanly');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`[gateway] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
