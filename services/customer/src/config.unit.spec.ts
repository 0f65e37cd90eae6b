import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has a default for every variable', () => {
    expect(loadConfig({})).toEqual({
      port: 4102,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/opsgraph_customer',
      kafkaBrokers: ['127.0.0.1:9092'],
      kafkaTopicNamespace: '',
      gatewaySecret: 'local-dev-gateway-secret',
      logLevel: 'info',
      nodeEnv: 'development',
      runApi: true,
      runRelay: true,
      runConsumers: true,
    });
  });

  it('reads the environment', () => {
    const config = loadConfig({
      PORT: '0',
      KAFKA_BROKERS: 'k1:9092, k2:9093',
      KAFKA_TOPIC_NAMESPACE: 'test.ns',
      RUN_RELAY: 'false',
      LOG_LEVEL: 'silent',
    });
    expect(config).toMatchObject({
      port: 0,
      kafkaBrokers: ['k1:9092', 'k2:9093'],
      runRelay: false,
      logLevel: 'silent',
    });
  });

  it.each([
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x/y' }, /DATABASE_URL/],
    [{ KAFKA_BROKERS: 'nohost' }, /KAFKA_BROKERS/],
    [{ RUN_CONSUMERS: 'maybe' }, /RUN_CONSUMERS/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  ])('names the variable of a malformed value %p', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
