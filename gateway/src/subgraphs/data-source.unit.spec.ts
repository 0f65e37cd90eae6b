import http from 'node:http';
import { SubgraphDataSource } from './data-source';

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
});
