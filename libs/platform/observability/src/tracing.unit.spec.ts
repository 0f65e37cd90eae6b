import { createLogger } from './logger';
import { capture } from './test-support/capture';
import { inRequestTrace, traceHeaders } from './trace-propagation';
import { startTracing, tracingConfigured } from './tracing';

const W3C_EXAMPLE = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('tracingConfigured: on only with an exporter set the standard way', () => {
  it.each([
    [{}, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, true],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }, true],
    [{ OTEL_TRACES_EXPORTER: 'otlp' }, true],
    [{ OTEL_TRACES_EXPORTER: 'console' }, true],
    [{ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, false],
    [{ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' }, false],
    [{ OTEL_SERVICE_NAME: 'ticket' }, false],
  ])('%j → %s', (env, expected) => {
    expect(tracingConfigured(env)).toBe(expected);
  });
});

describe('tracing off (the default)', () => {
  const tracing = startTracing({ serviceName: 'test', env: {} });

  it('records nothing', () => {
    expect(tracing.enabled).toBe(false);
  });

  it('still passes an incoming traceparent on, unchanged, and logs its ids', async () => {
    const { lines, stream } = capture();
    const logger = createLogger({ service: 'test', level: 'info', destination: stream });
    const passedOn = await inRequestTrace('POST /graphql', { traceparent: W3C_EXAMPLE }, {}, async () => {
      logger.info('inside');
      return traceHeaders();
    });
    expect(passedOn).toEqual({ traceparent: W3C_EXAMPLE });
    expect(lines[0]).toMatchObject({
      trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
      span_id: '00f067aa0ba902b7',
    });
  });

  it('has no trace headers and no trace ids outside a trace', async () => {
    expect(traceHeaders()).toEqual({});
    expect(await inRequestTrace('POST /graphql', {}, {}, async () => traceHeaders())).toEqual({});
  });
});
