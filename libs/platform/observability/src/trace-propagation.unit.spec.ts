import { createLogger } from './logger';
import { capture } from './test-support/capture';
import {
  activeTraceIds,
  extractTraceContext,
  inRequestTrace,
  SpanKind,
  traceHeaders,
  withSpan,
} from './trace-propagation';
import { startInMemoryTracing } from './tracing';

const exporter = startInMemoryTracing({ instrumentations: false });
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const W3C_EXAMPLE = `00-${TRACE_ID}-00f067aa0ba902b7-01`;

beforeEach(() => exporter.reset());

describe('trace propagation with tracing on', () => {
  it('opens a server span as a child of the request’s traceparent and passes its own context on', async () => {
    const passedOn = await inRequestTrace(
      'POST /graphql',
      { traceparent: W3C_EXAMPLE, tracestate: 'vendor=1' },
      { 'url.path': '/graphql' },
      async () => traceHeaders(),
    );
    const [server] = exporter.getFinishedSpans();
    expect(server).toMatchObject({ name: 'POST /graphql', kind: SpanKind.SERVER });
    expect(server.spanContext().traceId).toBe(TRACE_ID);
    expect(server.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(passedOn).toEqual({
      traceparent: `00-${TRACE_ID}-${server.spanContext().spanId}-01`,
      tracestate: 'vendor=1',
    });
  });

  it('reads Kafka header values (Buffers) and ignores an invalid traceparent', async () => {
    const fromKafka = extractTraceContext({ traceparent: Buffer.from(W3C_EXAMPLE) });
    await withSpan('process topic', { kind: SpanKind.CONSUMER, parent: fromKafka }, async () => undefined);
    const invalid = extractTraceContext({
      traceparent: '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
    });
    await withSpan('process topic', { parent: invalid }, async () => undefined);
    const [child, root] = exporter.getFinishedSpans();
    expect(child.spanContext().traceId).toBe(TRACE_ID);
    expect(root.spanContext().traceId).not.toBe(TRACE_ID);
    expect(root.parentSpanContext).toBeUndefined();
  });

  it('nests spans, records a failure and puts the active ids in every log line', async () => {
    const { lines, stream } = capture();
    const logger = createLogger({ service: 'test', level: 'info', destination: stream });
    const failing = withSpan('outer', {}, () =>
      withSpan('inner', {}, async () => {
        logger.info('inside');
        throw new Error('boom');
      }),
    );
    await expect(failing).rejects.toThrow('boom');
    const [inner, outer] = exporter.getFinishedSpans();
    expect(inner.parentSpanContext?.spanId).toBe(outer.spanContext().spanId);
    expect(inner.status).toMatchObject({ code: 2, message: 'boom' });
    expect(lines[0]).toMatchObject({
      trace_id: inner.spanContext().traceId,
      span_id: inner.spanContext().spanId,
    });
    expect(activeTraceIds()).toEqual({});
  });
});
