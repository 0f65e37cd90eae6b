import http from 'node:http';
import { extractTraceContext, inTraceContext, startTracing } from '@opsgraph/observability';
import { SubgraphDataSource } from './data-source';

// Tracing off (the default): the caller's W3C context is still passed on to the subgraph.
startTracing({ serviceName: 'gateway-test', env: {} });

describe('SubgraphDataSource.headersFor', () => {
  const source = new SubgraphDataSource({
    name: 'ticket',
    url: 'http://127.0.0.1:1/graphql',
    gatewaySecret: 's3cret',
    timeoutMs: 1000,
    agent: new http.Agent(),
  });

  it('drops incoming x-opsgraph-* headers and sets the verified ones', () => {
    const headers = source.headersFor(
      { claims: { sub: 'u1', role: 'TECHNICIAN', employeeId: 'e1' }, correlationId: 'c1' },
      [
        ['X-Opsgraph-Role', 'ADMIN'],
        ['x-opsgraph-customer-id', 'forged'],
        ['x-opsgraph-gateway-secret', 'guess'],
        ['apollo-federation-include-trace', 'ftv1'],
      ],
    );
    expect(headers).toEqual({
      'apollo-federation-include-trace': 'ftv1',
      'content-type': 'application/json',
      accept: 'application/json',
      'x-opsgraph-gateway-secret': 's3cret',
      'x-opsgraph-user-id': 'u1',
      'x-opsgraph-role': 'TECHNICIAN',
      'x-opsgraph-employee-id': 'e1',
      'x-correlation-id': 'c1',
    });
  });

  it('sends no claim headers for a context without claims', () => {
    expect(Object.keys(source.headersFor({ correlationId: 'c2' })).sort()).toEqual([
      'accept',
      'content-type',
      'x-correlation-id',
      'x-opsgraph-gateway-secret',
    ]);
  });

  it('passes the active W3C trace context on to the subgraph', () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const headers = inTraceContext(extractTraceContext({ traceparent, tracestate: 'vendor=1' }), () =>
      source.headersFor({ correlationId: 'c3' }),
    );
    expect(headers).toMatchObject({ traceparent, tracestate: 'vendor=1' });
    expect(source.headersFor({ correlationId: 'c4' })).not.toHaveProperty('traceparent');
  });
});
