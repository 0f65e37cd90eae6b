// Test support: the whole hr-performance service (createApp) on a fresh test database and topic namespace, a GraphQL
// client that sends the gateway secret and the caller's claim headers like the gateway does, and a ticket-topic
// producer. Integration tests only.
import { allTopics, topicFor, topicName, type DomainEvent } from '@opsgraph/contracts-events';
import {
  createEventPublisher,
  createSubgraphClient,
  createTestDatabase,
  createTestKafka,
  waitForGroupCaughtUp,
  type GraphQLResult,
  type SubgraphClient,
  type TestCaller,
  type TestDatabase,
  type TestKafka,
} from '@opsgraph/testing';
import { createApp, type AppOptions, type HrPerformanceApp } from '../app';
import { loadConfig } from '../config';

export const TEST_SECRET = 'test-gateway-secret';

export type { GraphQLResult };
export type CallerClaims = TestCaller;

export interface Harness extends SubgraphClient {
  app: HrPerformanceApp;
  database: TestDatabase;
  kafka: TestKafka;
  namespace: string;
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
  const ticketTopic = topicName(topicFor('ticket'), kafka.namespace);
  const client = createSubgraphClient({
    url: app.url as string,
    gatewaySecret: TEST_SECRET,
    defaultCaller: { role: 'ADMIN' },
  });
  const publisher = createEventPublisher(kafka.kafka);

  return {
    app,
    database,
    kafka,
    namespace: kafka.namespace,
    ...client,
    publishTicketEvents: (events) => publisher.publish(ticketTopic, events),
    ticketTopicConsumed: (groupId) => waitForGroupCaughtUp(kafka.kafka, groupId, ticketTopic),
    async close() {
      await publisher.close();
      await app.stop();
      await kafka.cleanup();
      await database.drop();
    },
  };
}
