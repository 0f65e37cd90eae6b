import { logLevel, type LogEntry } from 'kafkajs';
import type { Logger } from '@opsgraph/observability';
import { kafkaRetriableErrors } from './metrics';

/** kafkajs's own table of broker error codes (not in its typings): which responses its retries treat as retriable. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { errorCodes } = require('kafkajs/src/protocol/error') as {
  errorCodes: { type: string; message: string; retriable: boolean }[];
};
const RETRIABLE = new Map(
  errorCodes.filter((code) => code.retriable).map((code) => [code.message, code.type]),
);

/** kafkajs re-joins the group by itself after this one. */
const REJOINING = 'The coordinator is not aware of this member, re-joining the group';

// The outbox relay bounds its producer's retries on purpose: it recreates the producer and re-sends, and consumers
// deduplicate by event id. kafkajs warns about that on every producer it creates.
const EXPECTED_WARNINGS = new Set([
  'Limiting retries for the idempotent producer may invalidate EoS guarantees',
]);

/**
 * While a fresh broker elects leaders for new topics and loads its coordinators, every client call gets retriable
 * answers for a few seconds (InitProducerId / FindCoordinator: "coordinator is not available", Metadata: "no
 * leader"). kafkajs logs each at ERROR before retrying it; within this window they are debug lines.
 */
export const DEFAULT_STARTUP_WINDOW_MS = 120_000;

const toPino = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
} as const;

export interface KafkaLogOptions {
  brokers?: string[];
  startupWindowMs?: number;
  now?: () => number;
}

/** The broker error type of a retriable kafkajs entry ("Response Metadata(…)", "Failed to send messages: …"). */
export function retriableErrorType(message: string, extra: Record<string, unknown>): string | undefined {
  if (message === REJOINING) return 'UNKNOWN_MEMBER_ID';
  const text =
    typeof extra.error === 'string' ? extra.error : message.replace(/^Failed to send messages: /, '');
  return RETRIABLE.get(text);
}

/** `Response InitProducerId(key: 22, version: 4)` → `InitProducerId`. */
function apiOf(message: string): string {
  return /^Response (\w+)\(/.exec(message)?.[1] ?? '';
}

/**
 * kafkajs's log entries as structured pino lines. Retriable broker answers are counted and logged at debug during
 * start-up, at warn afterwards; what is left at ERROR is a real failure and says where to look.
 */
export function kafkaLogCreator(logger: Logger, options: KafkaLogOptions = {}) {
  const now = options.now ?? Date.now;
  const startupEnds = now() + (options.startupWindowMs ?? DEFAULT_STARTUP_WINDOW_MS);
  const brokers = options.brokers?.join(',') ?? 'KAFKA_BROKERS';
  const hint = `check Kafka at ${brokers}: \`npm run infra:status\` shows it, \`npm run infra:up\` starts it`;
  return () =>
    ({ namespace, level, log }: LogEntry): void => {
      const { message, timestamp: _timestamp, logger: _name, ...extra } = log;
      if (EXPECTED_WARNINGS.has(message)) {
        logger.debug({ kafkajs: namespace, ...extra }, message);
        return;
      }
      const method = toPino[level as keyof typeof toPino] ?? 'info';
      const retriable = method === 'error' ? retriableErrorType(message, extra) : undefined;
      if (retriable) {
        kafkaRetriableErrors().inc({ namespace, api: apiOf(message), error: retriable });
        logger[now() < startupEnds ? 'debug' : 'warn']({ kafkajs: namespace, retriable, ...extra }, message);
        return;
      }
      if (method === 'error') {
        logger.error({ kafkajs: namespace, hint, ...extra }, `${message} (${hint})`);
        return;
      }
      logger[method]({ kafkajs: namespace, ...extra }, message);
    };
}
