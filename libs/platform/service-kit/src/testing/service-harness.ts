// The whole service (createSubgraphApp) on a fresh test database and topic namespace, and a GraphQL client that
// sends the gateway secret and the caller's claim headers as the gateway does.
import { allTopics } from '@opsgraph/contracts-events';
import { Role, type Clock } from '@opsgraph/domain';
import type { ServiceConfig } from '@opsgraph/service-runtime';
import {
  createSubgraphClient,
  createTestDatabase,
  createTestKafka,
  type SubgraphClient,
  type TestCaller,
  type TestDatabase,
  type TestKafka,
} from '@opsgraph/testing';
import { createSubgraphApp, type SubgraphApp } from '../app/create-subgraph-app';
import type { SubgraphDefinition } from '../app/subgraph-definition';

export const TEST_GATEWAY_SECRET = 'test-gateway-secret';

export interface ServiceHarness<C extends ServiceConfig, S> extends SubgraphClient {
  readonly app: SubgraphApp<C, S>;
  readonly db: TestDatabase;
  readonly kafka: TestKafka;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /** Extra environment, e.g. `{ RUN_CONSUMERS: 'false' }`. */
  readonly env?: Record<string, string>;
  readonly clock?: Clock;
  /** Default: an ADMIN. */
  readonly defaultCaller?: TestCaller;
}

export function testCaller(role: Role, extra: Omit<TestCaller, 'role'> = {}): TestCaller {
  return { role, userId: `user-${role.toLowerCase()}`, ...extra };
}

export async function createServiceHarness<C extends ServiceConfig, S, X extends object>(
  definition: SubgraphDefinition<C, S, X>,
  label: string,
  options: HarnessOptions = {},
): Promise<ServiceHarness<C, S>> {
  const db = await createTestDatabase(label);
  const kafka = createTestKafka(label);
  try {
    await kafka.createTopics(allTopics(kafka.namespace));
    const app = await createSubgraphApp(definition, {
      env: {
        DATABASE_URL: db.url,
        KAFKA_BROKERS: kafka.brokers.join(','),
        KAFKA_TOPIC_NAMESPACE: kafka.namespace,
        GATEWAY_SECRET: TEST_GATEWAY_SECRET,
        PORT: '0',
        LOG_LEVEL: 'silent',
        NODE_ENV: 'test',
        ...options.env,
      },
      clock: options.clock,
    });
    const client = createSubgraphClient({
      url: app.url ?? '',
      gatewaySecret: TEST_GATEWAY_SECRET,
      defaultCaller: options.defaultCaller ?? testCaller(Role.ADMIN),
    });
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
  } catch (error) {
    await kafka.cleanup();
    await db.drop();
    throw error;
  }
}
