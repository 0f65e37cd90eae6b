import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has a default for every variable', () => {
    expect(loadConfig({})).toEqual({
      port: 4101,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/opsgraph_ticket',
      kafkaBrokers: ['127.0.0.1:9092'],
      kafkaTopicNamespace: '',
      gatewaySecret: 'local-dev-gateway-secret',
      logLevel: 'info',
      nodeEnv: 'development',
      runApi: true,
      runRelay: true,
      runConsumers: true,
      runSlaScanner: true,
      slaScanIntervalMs: 5000,
      autoCloseIntervalMs: 60000,
    });
  });

  it('reads the environment', () => {
    const config = loadConfig({
      PORT: '0',
      KAFKA_BROKERS: 'kafka-0:9092, kafka-1:9092',
      KAFKA_TOPIC_NAMESPACE: 'suite-1',
      RUN_RELAY: 'false',
      SLA_SCAN_INTERVAL_MS: '250',
    });
    expect(config).toMatchObject({
      port: 0,
      kafkaBrokers: ['kafka-0:9092', 'kafka-1:9092'],
      kafkaTopicNamespace: 'suite-1',
      runRelay: false,
      slaScanIntervalMs: 250,
    });
  });

  it.each([
    ['PORT', 'http', /PORT must be an integer/],
    ['PORT', '70000', /PORT must be an integer from 0 to 65535/],
    ['DATABASE_URL', 'mysql://x/y', /DATABASE_URL must use postgres:/],
    ['KAFKA_BROKERS', 'localhost', /host:port/],
    ['RUN_API', 'maybe', /RUN_API must be true or false/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['SLA_SCAN_INTERVAL_MS', '5', /SLA_SCAN_INTERVAL_MS must be an integer from 100/],
  ])('names %s when its value %s is bad', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});
