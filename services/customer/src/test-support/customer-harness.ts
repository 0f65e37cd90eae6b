// Test support: the whole customer service (createApp) on a fresh test database and topic namespace, and a GraphQL
// client that sends the gateway secret and the caller's claim headers like the gateway does.
import { allTopics } from '@opsgraph/contracts-events';
import { Role } from '@opsgraph/graphql-kit';
import {
  createSubgraphClient,
  createTestDatabase,
  createTestKafka,
  type GraphQLResult,
  type SubgraphClient,
  type TestCaller,
  type TestDatabase,
  type TestKafka,
} from '@opsgraph/testing';
import { createApp, type AppOverrides, type CustomerApp } from '../app';
import { loadConfig } from '../config';

export const SECRET = 'test-gateway-secret';

export type Caller = TestCaller;
export type { GraphQLResult };

export interface Harness extends SubgraphClient {
  app: CustomerApp;
  db: TestDatabase;
  kafka: TestKafka;
  stop(): Promise<void>;
}

export const as = (role: Role, extra: Omit<Caller, 'role'> = {}): Caller => ({
  role,
  userId: `user-${role.toLowerCase()}`,
  ...extra,
});
export const ADMIN = as(Role.ADMIN);
export const AGENT = as(Role.AGENT, { employeeId: '7d1e2f3a-4b5c-4d6e-8f90-1a2b3c4d5e6f' });

export async function startHarness(
  label: string,
  env: Record<string, string> = {},
  overrides: AppOverrides = {},
): Promise<Harness> {
  const db = await createTestDatabase(label);
  const kafka = createTestKafka(label);
  await kafka.createTopics(allTopics(kafka.namespace));
  const config = loadConfig({
    DATABASE_URL: db.url,
    KAFKA_BROKERS: kafka.brokers.join(','),
    KAFKA_TOPIC_NAMESPACE: kafka.namespace,
    GATEWAY_SECRET: SECRET,
    PORT: '0',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    ...env,
  });
  const app = await createApp(config, overrides);

  const client = createSubgraphClient({ url: app.url, gatewaySecret: SECRET, defaultCaller: ADMIN });

  return {
    app,
    db,
    kafka,
    ...client,
    async stop() {
      await app.stop();
      await kafka.cleanup();
      await db.drop();
    },
  };
}
