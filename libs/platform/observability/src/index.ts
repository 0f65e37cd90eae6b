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
export { startInMemoryTracing, startTracing, stopTracing, tracingConfigured } from './tracing';
export type { Tracing, TracingOptions } from './tracing';
export {
  TRACE_HEADERS,
  SpanKind,
  activeTraceContext,
  activeTraceIds,
  extractTraceContext,
  failSpan,
  inRequestTrace,
  inTraceContext,
  startSpan,
  traceHeaders,
  withSpan,
} from './trace-propagation';
export type { HeaderCarrier, Span, SpanOptions, TraceContext } from './trace-propagation';
