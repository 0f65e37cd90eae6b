export { createLogger, REDACT_PATHS } from './logger';
export type { Logger, LoggerOptions } from './logger';
export {
  metricsRegistry,
  collectDefaultMetricsOnce,
  getOrCreateCounter,
  getOrCreateGauge,
  getOrCreateHistogram,
} from './metrics';
export { runWithCorrelation, currentCorrelationId, newCorrelationId } from './correlation';
export { TRACEPARENT_HEADER, newTraceparent, childTraceparent, parseTraceparent } from './trace-context';
export type { TraceContext } from './trace-context';
