import {
  context as contextApi,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
  type TextMapGetter,
} from '@opentelemetry/api';
import { tracingEnabled } from './tracing';

/** The W3C Trace Context headers (https://www.w3.org/TR/trace-context/), on HTTP requests and Kafka messages. */
export const TRACE_HEADERS = ['traceparent', 'tracestate'] as const;

const tracer = () => trace.getTracer('@opsgraph/platform');

/** Header values as HTTP (strings, repeated as arrays) and kafkajs (Buffers) give them. */
export type HeaderCarrier = Record<
  string,
  string | Buffer | readonly (string | Buffer)[] | number | undefined
>;

const headerGetter: TextMapGetter<HeaderCarrier> = {
  keys: (carrier) => Object.keys(carrier),
  get(carrier, key) {
    const value = carrier[key] ?? carrier[key.toLowerCase()];
    const first = Array.isArray(value) ? value[0] : value;
    if (first === undefined) return undefined;
    return Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
  },
};

/** The caller's trace context from request or message headers; the root context when there is none. */
export function extractTraceContext(headers: HeaderCarrier | undefined): Context {
  return headers ? propagation.extract(ROOT_CONTEXT, headers, headerGetter) : ROOT_CONTEXT;
}

/** `traceparent`/`tracestate` of the active span (or of `from`): empty when there is no trace. */
export function traceHeaders(from: Context = contextApi.active()): Record<string, string> {
  if (!trace.getSpan(from)) return {};
  const headers: Record<string, string> = {};
  propagation.inject(from, headers);
  return Object.fromEntries(
    TRACE_HEADERS.filter((name) => headers[name]).map((name) => [name, headers[name]]),
  );
}

/** Trace and span id of the active span, for log lines; empty outside a trace. */
export function activeTraceIds(): { traceId?: string; spanId?: string } {
  const span = trace.getSpan(contextApi.active());
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return trace.isSpanContextValid(span.spanContext()) ? { traceId, spanId } : {};
}

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  links?: Link[];
  /** Parent context; the active one by default. */
  parent?: Context;
}

/**
 * Runs `work` in a new active span that ends when it settles; a thrown error is recorded on the span. With tracing
 * off the span is a non-recording one that carries its parent's context on.
 */
export function withSpan<T>(
  name: string,
  options: SpanOptions,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const { parent = contextApi.active(), ...spanOptions } = options;
  return tracer().startActiveSpan(name, spanOptions, parent, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      failSpan(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * Serves an incoming HTTP request in its trace. When the HTTP instrumentation already opened the server span it is
 * the active one and `work` runs in it; otherwise a server span is opened as a child of the request's `traceparent`.
 */
export function inRequestTrace<T>(
  name: string,
  headers: HeaderCarrier,
  attributes: Attributes,
  work: () => Promise<T>,
): Promise<T> {
  if (!tracingEnabled()) {
    // Off: no span of our own, only the caller's context passed on (and nothing to do without one).
    return headers.traceparent === undefined ? work() : contextApi.with(extractTraceContext(headers), work);
  }
  if (trace.getSpan(contextApi.active())?.isRecording()) return work();
  return withSpan(name, { kind: SpanKind.SERVER, attributes, parent: extractTraceContext(headers) }, work);
}

export { SpanKind };
export type { Context as TraceContext, Span };

/** The active trace context, e.g. to hand to work that runs later. */
export function activeTraceContext(): Context {
  return contextApi.active();
}

/** Runs `work` with `traceContext` active (e.g. one event's trace inside a batch). */
export function inTraceContext<T>(traceContext: Context, work: () => T): T {
  return contextApi.with(traceContext, work);
}

/**
 * Starts a span that the caller ends (`span.end()`), for spans that outlive one callback, e.g. one per message of a
 * batch processed in one transaction. `context` is the span's context, to run its children in.
 */
export function startSpan(name: string, options: SpanOptions): { span: Span; context: Context } {
  const { parent = contextApi.active(), ...spanOptions } = options;
  const span = tracer().startSpan(name, spanOptions, parent);
  return { span, context: trace.setSpan(parent, span) };
}

/** Marks a span failed with the error. */
export function failSpan(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
}
