import { ConfigError } from './env';
import { loadServiceConfig } from './service-config';

const defaults = { port: 4199, database: 'opsgraph_sample' };

describe('loadServiceConfig', () => {
  it('has a default for every variable', () => {
    expect(loadServiceConfig({}, defaults)).toEqual({
      port: 4199,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/opsgraph_sample',
      kafkaBrokers: ['127.0.0.1:9092'],
      kafkaTopicNamespace: '',
      gatewaySecret: 'local-dev-gateway-secret',
      logLevel: 'info',
      nodeEnv: 'development',
      runApi: true,
      runRelay: true,
      runConsumers: true,
      runJobs: true,
      retention: { outboxHours: 168, processedEventsHours: 720, intervalMs: 3_600_000 },
    });
  });

  it('reads the environment', () => {
    const config = loadServiceConfig(
      {
        PORT: '0',
        DATABASE_URL: 'postgresql://ops@db:5432/x',
        KAFKA_BROKERS: 'kafka-0:9092, kafka-1:9092',
        KAFKA_TOPIC_NAMESPACE: 'test.ns',
        GATEWAY_SECRET: 's3cret',
        RUN_RELAY: 'no',
        RUN_CONSUMERS: '0',
        OUTBOX_RETENTION_HOURS: '24',
        PROCESSED_EVENTS_RETENTION_HOURS: '2160',
        RETENTION_INTERVAL_MS: '600000',
      },
      defaults,
    );
    expect(config).toMatchObject({
      port: 0,
      databaseUrl: 'postgresql://ops@db:5432/x',
      kafkaBrokers: ['kafka-0:9092', 'kafka-1:9092'],
      kafkaTopicNamespace: 'test.ns',
      gatewaySecret: 's3cret',
      runRelay: false,
      runConsumers: false,
      retention: { outboxHours: 24, processedEventsHours: 2160, intervalMs: 600_000 },
    });
  });

  it('keeps tests quiet unless LOG_LEVEL says otherwise', () => {
    expect(loadServiceConfig({ NODE_ENV: 'test' }, defaults).logLevel).toBe('silent');
    expect(loadServiceConfig({ NODE_ENV: 'test', LOG_LEVEL: 'debug' }, defaults).logLevel).toBe('debug');
  });

  it.each([
    ['PORT', '70000'],
    ['PORT', '12ab'],
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['DATABASE_URL', 'not a url'],
    ['KAFKA_BROKERS', 'localhost'],
    ['KAFKA_TOPIC_NAMESPACE', 'with space'],
    ['LOG_LEVEL', 'loud'],
    ['RUN_RELAY', 'maybe'],
    ['OUTBOX_RETENTION_HOURS', '0'],
    ['OUTBOX_RETENTION_HOURS', '7d'],
    // Below a day it would come close to the window in which Kafka redelivers processed events.
    ['PROCESSED_EVENTS_RETENTION_HOURS', '23'],
    ['RETENTION_INTERVAL_MS', '999'],
    ['RETENTION_INTERVAL_MS', '86400001'],
  ])('refuses a malformed %s (%s), naming it', (name, value) => {
    expect(() => loadServiceConfig({ [name]: value }, defaults)).toThrow(ConfigError);
    expect(() => loadServiceConfig({ [name]: value }, defaults)).toThrow(name);
  });

  describe('in production', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://ticket:Q7w-Lm2x@db:5432/opsgraph_ticket',
      GATEWAY_SECRET: 'S9x2-kq8Lr0vW3n7Zt5Yb1Hc6Jd4Mf8Pg',
    };

    it('accepts a strong gateway secret', () => {
      expect(loadServiceConfig(production, defaults).gatewaySecret).toBe(production.GATEWAY_SECRET);
    });

    it.each([
      ['unset', undefined, /GATEWAY_SECRET must be set in production/],
      ['the local default', 'local-dev-gateway-secret', /well-known placeholder or local default/],
      ['a template placeholder', 'CHANGE_ME', /well-known placeholder/],
      ['short', 'n0t-l0ng-enough', /shorter than 32 characters/],
      ['one character repeated', 'a'.repeat(40), /too few distinct characters/],
    ])('refuses a gateway secret that is %s, naming the variable but not the value', (_, value, message) => {
      const load = () => loadServiceConfig({ ...production, GATEWAY_SECRET: value }, defaults);
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(message);
      if (value) expect(load).not.toThrow(value);
    });

    it('accepts a previous gateway secret during a rotation, held to the same rules', () => {
      const previous = 'P4m-9xQw2vB7nR1cK8pY3hJ6dF0gS5aEz';
      expect(loadServiceConfig({ ...production, GATEWAY_SECRET_PREVIOUS: previous }, defaults).previousGatewaySecret).toBe(previous);
      expect(loadServiceConfig(production, defaults).previousGatewaySecret).toBeUndefined();
      expect(() => loadServiceConfig({ ...production, GATEWAY_SECRET_PREVIOUS: 'change-me' }, defaults)).toThrow(
        /GATEWAY_SECRET_PREVIOUS is a well-known placeholder/,
      );
    });

    it('refuses a database URL with a placeholder password', () => {
      const env = { ...production, DATABASE_URL: 'postgres://opsgraph:change-me@postgres:5432/opsgraph_ticket' };
      expect(() => loadServiceConfig(env, defaults)).toThrow(/DATABASE_URL has a well-known placeholder password/);
    });
  });
});
