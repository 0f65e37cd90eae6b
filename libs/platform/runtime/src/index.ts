export { ConfigError, flag, hostPorts, integer, LOG_LEVELS, matching, oneOf, raw, url, type Env } from './env';
export { LOCAL_GATEWAY_SECRET, loadServiceConfig, type ServiceConfig, type ServiceDefaults } from './service-config';
export { loadRetentionConfig, type RetentionConfig } from './retention-config';
export { runService, type RunningService, type RunServiceOptions } from './run-service';
export { ShutdownStack } from './shutdown-stack';
export { PeriodicTask } from './periodic-task';
export { checkDatabasePassword, MIN_SECRET_LENGTH, sharedSecret, weakSecretReason } from './secrets';
