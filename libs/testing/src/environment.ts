/** The servers handed to this test run by the global setup (libs/testing/src/jest/global-setup.ts). */
export function testPostgresAdminUrl(): string {
  const url = process.env.OPSGRAPH_TEST_DATABASE_URL;
  if (!url) throw new Error('no test PostgreSQL: add libs/testing global-setup to this project\'s jest.config.js');
  return url;
}

export function testKafkaBrokers(): string[] {
  const brokers = process.env.OPSGRAPH_TEST_KAFKA_BROKERS;
  if (!brokers) throw new Error('no test Kafka: add libs/testing global-setup to this project\'s jest.config.js');
  return brokers.split(',');
}
