import { context, propagation } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { InMemorySpanExporter, SimpleSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace';

export interface TracingOptions {
  /** `service.name` of the spans (`OTEL_SERVICE_NAME` wins when set). */
  serviceName: string;
  env?: NodeJS.ProcessEnv;
  /** Span processors instead of the OTLP exporter of the `OTEL_*` variables; tests pass an in-memory exporter. */
  spanProcessors?: SpanProcessor[];
  /** The HTTP, GraphQL and pg instrumentations (default true); tests of our own spans may leave them out. */
  instrumentations?: boolean;
}

export interface Tracing {
  /** True when spans are recorded and exported; false: only the incoming W3C context is passed on. */
  readonly enabled: boolean;
  /** Flushes the spans not exported yet. */
  shutdown(): Promise<void>;
}

let started: Tracing | undefined;

/** True once `startTracing` started the SDK: spans are recorded. */
export function tracingEnabled(): boolean {
  return started?.enabled === true;
}

/**
 * Tracing is on when an exporter is configured the standard way: `OTEL_EXPORTER_OTLP_ENDPOINT` (or
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`), or `OTEL_TRACES_EXPORTER` other than `none`; `OTEL_SDK_DISABLED=true`
 * switches it off. Off by default.
 */
export function tracingConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  if (exporters.includes('none')) return false;
  return (
    exporters.length > 0 || !!env.OTEL_EXPORTER_OTLP_ENDPOINT || !!env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
  );
}

/**
 * Call first in a process's entry point, before the modules it instruments (http, graphql, pg) are loaded.
 *
 * - On (see `tracingConfigured`, or `spanProcessors` given): the OpenTelemetry Node SDK with the HTTP, GraphQL and
 *   pg instrumentations; exporter, sampler, resource and propagators from the standard `OTEL_*` variables. Metrics
 *   and logs stay with Prometheus and stdout (`OTEL_METRICS_EXPORTER`/`OTEL_LOGS_EXPORTER` default to `none`).
 * - Off: no SDK, no instrumentation, nothing exported. Only the context manager and the W3C propagator are
 *   registered, so a `traceparent` that arrives is still passed on (gateway → subgraph → outbox → Kafka → consumer)
 *   and logged, without spans of our own.
 *
 * Idempotent: a second call returns the first call's handle.
 */
export function startTracing(options: TracingOptions): Tracing {
  if (started) return started;
  const env = options.env ?? process.env;
  if (!options.spanProcessors && !tracingConfigured(env)) {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(
      new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }),
    );
    started = { enabled: false, shutdown: async () => undefined };
    return started;
  }
  // The SDK reads these from process.env; we export metrics through Prometheus and logs to stdout.
  process.env.OTEL_METRICS_EXPORTER ??= 'none';
  process.env.OTEL_LOGS_EXPORTER ??= 'none';
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME ?? options.serviceName,
    // Given processors (tests): no resource detection, whose async attributes would hold spans back from export.
    ...(options.spanProcessors ? { spanProcessors: options.spanProcessors, autoDetectResources: false } : {}),
    instrumentations: options.instrumentations === false ? [] : instrumentations(),
  });
  sdk.start();
  started = { enabled: true, shutdown: () => sdk.shutdown() };
  return started;
}

/** Exports the spans still buffered; call before the process exits. */
export async function stopTracing(): Promise<void> {
  await started?.shutdown();
}

function instrumentations() {
  return [
    new HttpInstrumentation({
      // Probes and scrapes are not traces anyone reads.
      ignoreIncomingRequestHook: (request) => /^\/(health|ready|live|metrics)/.test(request.url ?? ''),
    }),
    new GraphQLInstrumentation({ mergeItems: true, ignoreTrivialResolveSpans: true }),
    new PgInstrumentation({ requireParentSpan: true }),
  ];
}

/**
 * For tests: tracing on with an in-memory exporter (spans exported as they end). Call once per test file, before
 * the code under test runs.
 */
export function startInMemoryTracing(options: { instrumentations?: boolean } = {}): InMemorySpanExporter {
  const exporter = new InMemorySpanExporter();
  startTracing({
    serviceName: 'test',
    spanProcessors: [new SimpleSpanProcessor({ exporter })],
    instrumentations: options.instrumentations,
  });
  return exporter;
}
