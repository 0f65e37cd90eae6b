// The whole ticket service on a fresh test database and topic namespace (real PostgreSQL and Kafka), with a GraphQL
// client that speaks as the gateway does (secret + claim headers) and a reader of the ticket topic.
import { allTopics, topicFor, topicName, validateEvent, type DomainEvent } from '@opsgraph/contracts-events';
import {
  createSubgraphClient,
  createTestDatabase,
  createTestKafka,
  waitFor,
  type GraphQLResult,
  type TestCaller,
  type TestDatabase,
  type TestKafka,
} from '@opsgraph/testing';
import { randomUUID } from 'node:crypto';
import type { Consumer } from 'kafkajs';
import { createApp, type TicketApp } from '../app';
import { loadConfig, type TicketConfig } from '../config';

export const GATEWAY_SECRET = 'test-gateway-secret';

export type Claims = TestCaller;
export type GraphQLResponse<T> = GraphQLResult<T>;

/** A clock that runs with real time plus an offset tests can move forward. */
export class TestClock {
  private offsetMs = 0;
  readonly now = (): Date => new Date(Date.now() + this.offsetMs);
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export interface TicketHarness {
  readonly app: TicketApp;
  readonly database: TestDatabase;
  readonly kafka: TestKafka;
  readonly clock: TestClock;
  readonly topic: string;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    claims?: Claims | null,
  ): Promise<GraphQLResponse<T>>;
  /** Like gql, but fails the test on errors. */
  data<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    claims?: Claims | null,
  ): Promise<T>;
  /** Events read back from the topic so far, each valid against its JSON Schema. */
  readonly events: DomainEvent[];
  /** Messages on the topic that failed validation (expected to stay empty). */
  readonly invalidEvents: { value: string; errors: string[] }[];
  /** Waits until the topic holds `count` events of the ticket, and returns them in order. */
  eventsOf(ticketId: string, count: number): Promise<DomainEvent[]>;
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /** Read the topic back (starts a consumer); default true. */
  readonly consumeTopic?: boolean;
  readonly config?: Partial<TicketConfig>;
}

export async function startTicketHarness(
  label: string,
  options: HarnessOptions = {},
): Promise<TicketHarness> {
  const database = await createTestDatabase(label);
  const kafka = createTestKafka(label);
  try {
    return await start(database, kafka, options);
  } catch (error) {
    await kafka.cleanup();
    await database.drop();
    throw error;
  }
}

async function start(
  database: TestDatabase,
  kafka: TestKafka,
  options: HarnessOptions,
): Promise<TicketHarness> {
  const topic = topicName(topicFor('ticket'), kafka.namespace);
  await kafka.createTopics(allTopics(kafka.namespace).filter((entry) => entry.topic === topic));
  const clock = new TestClock();
  const app = await createApp(
    {
      ...loadConfig({}),
      port: 0,
      databaseUrl: database.url,
      kafkaBrokers: kafka.brokers,
      kafkaTopicNamespace: kafka.namespace,
      gatewaySecret: GATEWAY_SECRET,
      logLevel: process.env.LOG_LEVEL ?? 'silent',
      slaScanIntervalMs: 200,
      ...options.config,
    },
    { clock: clock.now },
  );

  const events: DomainEvent[] = [];
  const invalidEvents: { value: string; errors: string[] }[] = [];
  let consumer: Consumer | undefined;
  if (options.consumeTopic ?? true) {
    consumer = kafka.kafka.consumer({ groupId: `${kafka.namespace}.reader.${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const value = message.value?.toString() ?? 'null';
        const result = validateEvent(JSON.parse(value));
        if (result.ok) events.push(result.event);
        else invalidEvents.push({ value, errors: result.errors });
      },
    });
  }

  const client = createSubgraphClient({ url: app.url, gatewaySecret: GATEWAY_SECRET });

  return {
    app,
    database,
    kafka,
    clock,
    topic,
    gql: client.gql,
    data: client.ok,
    events,
    invalidEvents,
    eventsOf: (ticketId, count) =>
      waitFor(
        async () => events.filter((event) => event.aggregateId === ticketId),
        (found) => found.length >= count,
        { what: `${count} events of ticket ${ticketId}`, timeoutMs: 20_000 },
      ),
    sql: (text, params) => app.dataSource.query(text, params),
    async stop() {
      await consumer?.disconnect();
      await app.stop();
      await kafka.cleanup();
      await database.drop();
    },
  };
}
