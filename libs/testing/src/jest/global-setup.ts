import { provideInfrastructure } from './provide-infrastructure';
import { dropStaleTestDatabases } from './stale-databases';

/** Hands every test worker a real PostgreSQL and Kafka through the environment (workers inherit it). */
export default async function globalSetup(): Promise<void> {
  const infra = await provideInfrastructure();
  process.env.OPSGRAPH_TEST_DATABASE_URL = infra.postgresUrl;
  process.env.OPSGRAPH_TEST_KAFKA_BROKERS = infra.kafkaBrokers.join(',');
  (globalThis as { __opsgraphInfra?: typeof infra }).__opsgraphInfra = infra;
  await dropStaleTestDatabases(infra.postgresUrl);
}
