// Wiring only: configuration → the service → the process's signals.
import { runService } from '@opsgraph/service-runtime';
import { createApp, SERVICE_NAME } from './app';
import { loadConfig } from './config';

void runService({
  name: SERVICE_NAME,
  loadConfig,
  start: (config, logger) => createApp(config, { logger }),
  describe: (config) => ({ relay: config.runRelay, slaScanner: config.runSlaScanner }),
});
