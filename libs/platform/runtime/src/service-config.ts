import { type Env, flag, hostPorts, integer, LOG_LEVELS, matching, oneOf, raw, url } from './env';
import { loadRetentionConfig, type RetentionConfig } from './retention-config';
import { checkDatabasePassword, sharedSecret } from './secrets';

export const LOCAL_GATEWAY_SECRET = 'local-dev-gateway-secret';

/** The variables every opsgraph service reads, the same way, so that deployments configure them alike. */
export interface ServiceConfig {
  readonly port: number;
  readonly databaseUrl: string;
  readonly kafkaBrokers: string[];
  /** Prefix of every topic name: '' in production, one per suite in tests. */
  readonly kafkaTopicNamespace: string;
  readonly gatewaySecret: string;
  /** GATEWAY_SECRET_PREVIOUS: still accepted during a rotation; unset otherwise. */
  readonly previousGatewaySecret?: string;
  readonly logLevel: string;
  readonly nodeEnv: string;
  /** Roles of this process; Kubernetes may run them as separate Deployments. */
  readonly runApi: boolean;
  readonly runRelay: boolean;
  readonly runConsumers: boolean;
  /** The service's background jobs (scanners, schedulers); each claims its rows, so every replica may run them. */
  readonly runJobs: boolean;
  /** Cleanup of published outbox rows and old processed_events rows. */
  readonly retention: RetentionConfig;
}

export interface ServiceDefaults {
  /** The local port; `serviceDefaults(name)` of @opsgraph/services-manifest reads it and the database. */
  port: number;
  /** The service's own database name, e.g. `opsgraph_ticket`. */
  database: string;
}

export function loadServiceConfig(env: Env, defaults: ServiceDefaults): ServiceConfig {
  const nodeEnv = raw(env, 'NODE_ENV') ?? 'development';
  const production = nodeEnv === 'production';
  const databaseUrl = url(env, 'DATABASE_URL', `postgres://postgres@127.0.0.1:5432/${defaults.database}`, [
    'postgres:',
    'postgresql:',
  ]);
  checkDatabasePassword('DATABASE_URL', databaseUrl, production);
  return {
    port: integer(env, 'PORT', defaults.port, { min: 0, max: 65_535 }),
    databaseUrl,
    kafkaBrokers: hostPorts(env, 'KAFKA_BROKERS', ['127.0.0.1:9092']),
    kafkaTopicNamespace: matching(env, 'KAFKA_TOPIC_NAMESPACE', '', /^[a-zA-Z0-9._-]*$/),
    gatewaySecret: sharedSecret(env, 'GATEWAY_SECRET', LOCAL_GATEWAY_SECRET, production),
    previousGatewaySecret:
      raw(env, 'GATEWAY_SECRET_PREVIOUS') === undefined
        ? undefined
        : sharedSecret(env, 'GATEWAY_SECRET_PREVIOUS', '', production),
    // Tests stay quiet unless LOG_LEVEL asks otherwise.
    logLevel: oneOf(env, 'LOG_LEVEL', nodeEnv === 'test' ? 'silent' : 'info', LOG_LEVELS),
    nodeEnv,
    runApi: flag(env, 'RUN_API', true),
    runRelay: flag(env, 'RUN_RELAY', true),
    runConsumers: flag(env, 'RUN_CONSUMERS', true),
    runJobs: flag(env, 'RUN_JOBS', true),
    retention: loadRetentionConfig(env),
  };
}
