// Test support: the whole customer service (createApp) on a fresh test database and topic namespace, and a GraphQL
// client that sends the gateway secret and the caller's claim headers like the gateway does.
import { allTopics } from '@opsgraph/contracts-events';
import { Role } from '@opsgraph/graphql-kit';
import { createTestDatabase, createTestKafka, type TestDatabase, type TestKafka } from '@opsgraph/testing';
import { createApp, type AppOverrides, type CustomerApp } from '../app';
import { loadConfig } from '../config';

export const SECRET = 'test-gateway-secret';

export interface Caller {
  role: Role;
  userId?: string;
  employeeId?: string;
  customerId?: string;
}

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
}

export interface Harness {
  app: CustomerApp;
  db: TestDatabase;
  kafka: TestKafka;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: Caller | null,
  ): Promise<GraphQLResult<T>>;
  /** The data, failing the test with the errors if there are any. */
  ok<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: Caller | null,
  ): Promise<T>;
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

  const gql = async <T>(
    query: string,
    variables: Record<string, unknown> = {},
    caller: Caller | null = ADMIN,
  ) => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-opsgraph-gateway-secret': SECRET,
    };
    if (caller) {
      headers['x-opsgraph-user-id'] = caller.userId ?? `user-${caller.role.toLowerCase()}`;
      headers['x-opsgraph-role'] = caller.role;
      if (caller.employeeId) headers['x-opsgraph-employee-id'] = caller.employeeId;
      if (caller.customerId) headers['x-opsgraph-customer-id'] = caller.customerId;
    }
    const response = await fetch(app.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResult<T>;
  };

  return {
    app,
    db,
    kafka,
    gql,
    async ok<T>(query: string, variables?: Record<string, unknown>, caller?: Caller | null) {
      const result = await gql<T>(query, variables, caller === undefined ? ADMIN : caller);
      if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data as T;
    },
    async stop() {
      await app.stop();
      await kafka.cleanup();
      await db.drop();
    },
  };
}
