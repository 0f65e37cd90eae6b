import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has a default for every variable', () => {
    expect(loadConfig({})).toEqual({
      port: 4103,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/opsgraph_hr_performance',
      kafkaBrokers: ['127.0.0.1:9092'],
      kafkaTopicNamespace: '',
      gatewaySecret: 'local-dev-gateway-secret',
      logLevel: 'info',
      nodeEnv: 'development',
      kpiTimeZone: 'UTC',
      runApi: true,
      runRelay: true,
      runConsumers: true,
    });
  });

  it('reads the environment', () => {
    const config = loadConfig({
      PORT: '0',
      KAFKA_BROKERS: 'kafka-0:9092, kafka-1:9092',
      KPI_TIME_ZONE: 'Asia/Shanghai',
      RUN_CONSUMERS: 'false',
      NODE_ENV: 'test',
    });
    expect(config).toMatchObject({
      port: 0,
      kafkaBrokers: ['kafka-0:9092', 'kafka-1:9092'],
      kpiTimeZone: 'Asia/Shanghai',
      runConsumers: false,
      logLevel: 'silent',
    });
  });

  it.each([
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['KAFKA_BROKERS', 'localhost'],
    ['KAFKA_TOPIC_NAMESPACE', 'with space'],
    ['LOG_LEVEL', 'loud'],
    ['KPI_TIME_ZONE', 'Mars/Olympus'],
    ['RUN_RELAY', 'maybe'],
  ])('refuses a malformed %s naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
