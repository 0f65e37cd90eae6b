import { collectDefaultMetricsOnce, createLogger, startTracing, stopTracing } from '@opsgraph/observability';

// First, before the modules it instruments (http, graphql) load: the gateway's modules are required after it.
startTracing({ serviceName: 'gateway' });

async function main(): Promise<void> {
  const { loadConfig } = await import('./config');
  const { createGateway } = await import('./server');
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
