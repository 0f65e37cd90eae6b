export { testKafkaBrokers, testPostgresAdminUrl } from './environment';
export { createTestDatabase, TestDatabase } from './test-database';
export { createTestKafka, TestKafka } from './test-kafka';
export { testDatabaseName, testNamespace } from './naming';
export { waitFor } from './wait-for';
