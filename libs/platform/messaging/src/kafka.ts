import { Kafka, logLevel, type LogEntry, type RetryOptions } from 'kafkajs';
import { createLogger, type Logger } from '@opsgraph/observability';

export interface KafkaOptions {
  clientId: string;
  brokers: string[];
  logger?: Logger;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  retry?: RetryOptions;
}

/** Retries of one client call; the relay and the consumer runtime add their own, unbounded, backoff on top. */
export const DEFAULT_KAFKA_RETRY: RetryOptions = { initialRetryTime: 300, maxRetryTime: 10_000, retries: 8 };

const toPino = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
} as const;

// The outbox relay bounds its producer's retries on purpose: it recreates the producer and re-sends, and consumers
// deduplicate by event id. kafkajs warns about that on every producer it creates.
const EXPECTED_WARNINGS = new Set([
  'Limiting retries for the idempotent producer may invalidate EoS guarantees',
]);

/** kafkajs's log entries as structured pino lines. */
export function kafkaLogCreator(logger: Logger) {
  return () =>
    ({ namespace, level, log }: LogEntry): void => {
      const { message, timestamp: _timestamp, logger: _name, ...extra } = log;
      const method = EXPECTED_WARNINGS.has(message)
        ? 'debug'
        : (toPino[level as keyof typeof toPino] ?? 'info');
      logger[method]({ kafkajs: namespace, ...extra }, message);
    };
}

export function createKafka(options: KafkaOptions): Kafka {
  const logger = options.logger ?? createLogger({ service: options.clientId });
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator(logger),
    connectionTimeout: options.connectionTimeoutMs ?? 3000,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    retry: options.retry ?? DEFAULT_KAFKA_RETRY,
  });
}
