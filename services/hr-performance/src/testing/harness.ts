// Test support: the whole hr-performance service (createApp) on a fresh test database and topic namespace, a GraphQL
// client that sends the gateway secret and the caller's claim headers like the gateway does, and a ticket-topic
// producer. Integration tests only.
import { allTopics, toKafkaHeaders, topicFor, topicName, type DomainEvent } from '@opsgraph/contracts-events';
import {
  EMPLOYEE_ID_HEADER,
  GATEWAY_SECRET_HEADER,
  ROLE_HEADER,
  USER_ID_HEADER,
  type Role,
} from '@opsgraph/graphql-kit';
import {
  createTestDatabase,
  createTestKafka,
  waitFor,
  type TestDatabase,
  type TestKafka,
} from '@opsgraph/testing';
import type { Producer } from 'kafkajs';
import { createApp, type AppOptions, type HrPerformanceApp } from '../app';
import { loadConfig } from '../config';

export const TEST_SECRET = 'test-gateway-secret';

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
}

export interface CallerClaims {
  role: Role;
  employeeId?: string;
  userId?: string;
}

export interface Harness {
  app: HrPerformanceApp;
  database: TestDatabase;
  kafka: TestKafka;
  namespace: string;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: CallerClaims | null,
  ): Promise<GraphQLResult<T>>;
  /** Like `gql`, but fails the test on any error and returns `data`. */
  ok<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: CallerClaims,
  ): Promise<T>;
  publishTicketEvents(events: readonly DomainEvent[]): Promise<void>;
  /** Until the KPI consumer group has committed every message of the ticket topic. */
  ticketTopicConsumed(groupId: string): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(
  label: string,
  env: Record<string, string> = {},
  options: AppOptions = {},
): Promise<Harness> {
  const database = await createTestDatabase(label);
  const kafka = createTestKafka(label);
  await kafka.createTopics(allTopics(kafka.namespace));
  const app = await createApp(
    loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      DATABASE_URL: database.url,
      KAFKA_BROKERS: kafka.brokers.join(','),
      KAFKA_TOPIC_NAMESPACE: kafka.namespace,
      GATEWAY_SECRET: TEST_SECRET,
      // LOG_LEVEL=debug npx jest … shows the service's logs
      ...(process.env.LOG_LEVEL ? { LOG_LEVEL: process.env.LOG_LEVEL } : {}),
      ...env,
    }),
    options,
  );
  let producer: Producer | undefined;
  const ticketTopic = topicName(topicFor('ticket'), kafka.namespace);

  const gql: Harness['gql'] = async (query, variables = {}, caller = { role: 'ADMIN' as Role }) => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      [GATEWAY_SECRET_HEADER]: TEST_SECRET,
    };
    if (caller) {
      headers[USER_ID_HEADER] = caller.userId ?? `user-${caller.employeeId ?? caller.role}`;
      headers[ROLE_HEADER] = caller.role;
      if (caller.employeeId) headers[EMPLOYEE_ID_HEADER] = caller.employeeId;
    }
    const response = await fetch(app.url as string, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResult<never>;
  };

  return {
    app,
    database,
    kafka,
    namespace: kafka.namespace,
    gql,
    async ok(query, variables, caller) {
      const result = await gql(query, variables, caller);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
      return result.data as never;
    },
    async publishTicketEvents(events) {
      if (!producer) {
        producer = kafka.kafka.producer();
        await producer.connect();
      }
      await producer.send({
        topic: ticketTopic,
        messages: events.map((event) => ({
          key: event.aggregateId,
          value: JSON.stringify(event),
          headers: toKafkaHeaders(event),
        })),
      });
    },
    async ticketTopicConsumed(groupId) {
      const admin = kafka.kafka.admin();
      await admin.connect();
      try {
        await waitFor(
          async () => {
            const [ends, [committed]] = await Promise.all([
              admin.fetchTopicOffsets(ticketTopic),
              admin.fetchOffsets({ groupId, topics: [ticketTopic] }),
            ]);
            return ends.map(({ partition, high }) => {
              const done = committed.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
              return Number(high) === 0 || Number(done) >= Number(high);
            });
          },
          (partitions) => partitions.every(Boolean),
          { timeoutMs: 45_000, intervalMs: 250, what: 'the KPI consumer to commit every ticket event' },
        );
      } finally {
        await admin.disconnect();
      }
    },
    async close() {
      await producer?.disconnect().catch(() => undefined);
      await app.stop();
      await kafka.cleanup();
      await database.drop();
    },
  };
}
