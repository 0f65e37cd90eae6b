// Wiring only: configuration → the service → the process's signals.
import { runService } from '@opsgraph/service-runtime';
import { createApp } from './app';
import { loadConfig } from './config';

void runService({
  name: 'customer',
  loadConfig,
  start: (config, logger) => createApp(config, { logger }),
  describe: (config) => ({ relay: config.runRelay, consumers: config.runConsumers }),
});
