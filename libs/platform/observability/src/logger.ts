import pino from 'pino';
import { currentCorrelationId } from './correlation';
import { activeTraceIds } from './trace-propagation';

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
      // Every line carries the correlation id and, inside a trace, its trace and span id (OpenTelemetry log fields).
      mixin() {
        const correlationId = currentCorrelationId();
        const { traceId, spanId } = activeTraceIds();
        return {
          ...(correlationId ? { correlationId } : {}),
          ...(traceId ? { trace_id: traceId, span_id: spanId } : {}),
        };
      },
    },
    options.destination ?? pino.destination(1),
  );
}
