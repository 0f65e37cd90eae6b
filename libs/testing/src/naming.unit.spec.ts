import { parseTestDatabaseName, testDatabaseName, testNamespace } from './naming';

describe('test resource naming', () => {
  it('makes database names unique, valid and dated', () => {
    const now = Date.UTC(2026, 10, 23, 12, 0, 0);
    const a = testDatabaseName('Ticket Service!', now);
    const b = testDatabaseName('Ticket Service!', now);
    expect(a).not.toEqual(b);
    expect(a).toMatch(/^tst_ticket_service__[0-9a-z]+_[0-9a-f]{6}$/);
    expect(a.length).toBeLessThanOrEqual(63);
    expect(parseTestDatabaseName(a)).toEqual({ label: 'ticket_service_', createdAt: now });
  });

  it('does not mistake other databases for test databases', () => {
    expect(parseTestDatabaseName('opsgraph_ticket')).toBeUndefined();
    expect(parseTestDatabaseName('test')).toBeUndefined();
  });

  it('gives each suite its own topic namespace', () => {
    expect(testNamespace('outbox relay')).toMatch(/^test\.outbox-relay\.[0-9a-z]+$/);
    expect(testNamespace('x')).not.toEqual(testNamespace('x'));
  });
});
