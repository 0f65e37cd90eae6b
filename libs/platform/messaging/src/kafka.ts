import { Kafka, logLevel, type RetryOptions } from 'kafkajs';
import { createLogger, type Logger } from '@opsgraph/observability';
import { kafkaLogCreator } from './kafka-log';

export { kafkaLogCreator } from './kafka-log';

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

export function createKafka(options: KafkaOptions): Kafka {
  const logger = options.logger ?? createLogger({ service: options.clientId });
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator(logger, { brokers: options.brokers }),
    connectionTimeout: options.connectionTimeoutMs ?? 3000,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    retry: options.retry ?? DEFAULT_KAFKA_RETRY,
  });
}
