// Environment → typed configuration. Every variable has a default for local development; a value that is set but
// malformed stops the process with a message naming the variable (better than a half-working service).

export interface TicketConfig {
  readonly port: number;
  readonly databaseUrl: string;
  readonly kafkaBrokers: string[];
  /** Prefix of every topic name: '' in production, one per suite in tests. */
  readonly kafkaTopicNamespace: string;
  readonly gatewaySecret: string;
  readonly logLevel: string;
  readonly nodeEnv: string;
  /** Roles of this process; Kubernetes may run them as separate Deployments. */
  readonly runApi: boolean;
  readonly runRelay: boolean;
  /** Ticket has no projections yet; the flag exists so that every service reads the same variables. */
  readonly runConsumers: boolean;
  /** The SLA breach scanner and auto-close job; safe on every replica (rows are claimed with SKIP LOCKED). */
  readonly runSlaScanner: boolean;
  readonly slaScanIntervalMs: number;
  /** How often RESOLVED tickets past the auto-close delay are closed (runs with the SLA scanner). */
  readonly autoCloseIntervalMs: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: Env = process.env): TicketConfig {
  return {
    port: integer(env, 'PORT', 4101, { min: 0, max: 65_535 }),
    databaseUrl: url(env, 'DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/opsgraph_ticket', [
      'postgres:',
      'postgresql:',
    ]),
    kafkaBrokers: list(env, 'KAFKA_BROKERS', ['127.0.0.1:9092']),
    kafkaTopicNamespace: matching(env, 'KAFKA_TOPIC_NAMESPACE', '', /^[a-zA-Z0-9._-]*$/),
    gatewaySecret: nonEmpty(env, 'GATEWAY_SECRET', 'local-dev-gateway-secret'),
    logLevel: oneOf(env, 'LOG_LEVEL', 'info', LOG_LEVELS),
    nodeEnv: nonEmpty(env, 'NODE_ENV', 'development'),
    runApi: flag(env, 'RUN_API', true),
    runRelay: flag(env, 'RUN_RELAY', true),
    runConsumers: flag(env, 'RUN_CONSUMERS', true),
    runSlaScanner: flag(env, 'RUN_SLA_SCANNER', true),
    slaScanIntervalMs: integer(env, 'SLA_SCAN_INTERVAL_MS', 5_000, { min: 100, max: 3_600_000 }),
    autoCloseIntervalMs: integer(env, 'AUTO_CLOSE_INTERVAL_MS', 60_000, { min: 100, max: 86_400_000 }),
  };
}

function raw(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function integer(env: Env, name: string, fallback: number, range: { min: number; max: number }): number {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < range.min || parsed > range.max) {
    throw new ConfigError(`${name} must be an integer from ${range.min} to ${range.max}, got "${value}"`);
  }
  return parsed;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const value = raw(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['true', '1', 'yes'].includes(value)) return true;
  if (['false', '0', 'no'].includes(value)) return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

function url(env: Env, name: string, fallback: string, protocols: string[]): string {
  const value = raw(env, name) ?? fallback;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(`${name} must be a URL, got "${value}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  return value;
}

function list(env: Env, name: string, fallback: string[]): string[] {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  const items = value.split(',').map((item) => item.trim());
  if (items.some((item) => !/^[^\s:]+:\d+$/.test(item))) {
    throw new ConfigError(`${name} must be a comma-separated list of host:port, got "${value}"`);
  }
  return items;
}

function matching(env: Env, name: string, fallback: string, pattern: RegExp): string {
  const value = raw(env, name) ?? fallback;
  if (!pattern.test(value)) throw new ConfigError(`${name} must match ${pattern}, got "${value}"`);
  return value;
}

function nonEmpty(env: Env, name: string, fallback: string): string {
  return raw(env, name) ?? fallback;
}

function oneOf(env: Env, name: string, fallback: string, allowed: string[]): string {
  const value = raw(env, name) ?? fallback;
  if (!allowed.includes(value))
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  return value;
}
