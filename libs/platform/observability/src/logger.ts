import pino from 'pino';
import { currentCorrelationId } from './correlation';

export type Logger = pino.Logger;

export interface LoggerOptions {
  service: string;
  /** Overrides LOG_LEVEL. */
  level?: string;
  /** Where JSON lines go; stdout by default. */
  destination?: pino.DestinationStream;
}

// Personal data never reaches the logs (docs/architecture.md, Operability).
export const REDACT_PATHS = [
  'email',
  '*.email',
  'phone',
  '*.phone',
  'password',
  '*.password',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
];

function defaultLevel(): string {
  if (process.env.LOG_LEVEL) return process.env.LOG_LEVEL;
  return process.env.NODE_ENV === 'test' ? 'silent' : 'info';
}

export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level ?? defaultLevel(),
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      mixin() {
        const correlationId = currentCorrelationId();
        return correlationId ? { correlationId } : {};
      },
    },
    options.destination ?? pino.destination(1),
  );
}
