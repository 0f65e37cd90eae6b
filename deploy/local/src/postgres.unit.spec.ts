import { databaseUrl, postgresUrlFromEnv, redact } from './postgres';
import { brokersFromEnv } from './kafka';

describe('where the servers are', () => {
  it('prefers DATABASE_URL, then the libpq PG* variables, else nothing', () => {
    expect(postgresUrlFromEnv({ DATABASE_URL: 'postgres://a@h:1/d', PGHOST: 'x' })).toBe('postgres://a@h:1/d');
    expect(postgresUrlFromEnv({ PGHOST: 'db', PGUSER: 'ops', PGPASSWORD: 'p@ss', PGDATABASE: 'main' })).toBe(
      'postgres://ops:p%40ss@db:5432/main',
    );
    expect(postgresUrlFromEnv({})).toBeUndefined();
  });

  it('points a URL at another database on the same server', () => {
    expect(databaseUrl('postgres://postgres@127.0.0.1:5432/postgres', 'opsgraph_ticket')).toBe(
      'postgres://postgres@127.0.0.1:5432/opsgraph_ticket',
    );
  });

  it('never prints a password', () => {
    expect(redact('postgres://u:secret@h:5432/d')).toBe('postgres://u:***@h:5432/d');
  });

  it('reads KAFKA_BROKERS as a comma-separated list', () => {
    expect(brokersFromEnv({ KAFKA_BROKERS: ' a:9092, b:9092 ,' })).toEqual(['a:9092', 'b:9092']);
    expect(brokersFromEnv({ KAFKA_BROKERS: '' })).toBeUndefined();
    expect(brokersFromEnv({})).toBeUndefined();
  });
});
