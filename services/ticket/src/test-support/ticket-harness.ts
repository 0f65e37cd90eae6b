// The whole ticket service on a fresh test database and topic namespace (real PostgreSQL and Kafka), with a GraphQL
// client that speaks as the gateway does (secret + claim headers) and a reader of the ticket topic.
import { allTopics, topicFor, topicName, validateEvent, type DomainEvent } from '@opsgraph/contracts-events';
import {
  CUSTOMER_ID_HEADER,
  DEPARTMENT_ID_HEADER,
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
import { randomUUID } from 'node:crypto';
import type { Consumer } from 'kafkajs';
import { createApp, type TicketApp } from '../app';
import { loadConfig, type TicketConfig } from '../config';

export const GATEWAY_SECRET = 'test-gateway-secret';

export interface Claims {
  role: Role | `${Role}`;
  userId?: string;
  customerId?: string;
  departmentId?: string;
  employeeId?: string;
}

export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions: Record<string, unknown> & { code: string } }[];
}

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

  const gql = async <T>(
    query: string,
    variables: Record<string, unknown> = {},
    claims: Claims | null = null,
  ) => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      [GATEWAY_SECRET_HEADER]: GATEWAY_SECRET,
    };
    if (claims) {
      headers[USER_ID_HEADER] = claims.userId ?? `${claims.role.toLowerCase()}-user`;
      headers[ROLE_HEADER] = claims.role;
      if (claims.customerId) headers[CUSTOMER_ID_HEADER] = claims.customerId;
      if (claims.departmentId) headers[DEPARTMENT_ID_HEADER] = claims.departmentId;
      if (claims.employeeId) headers[EMPLOYEE_ID_HEADER] = claims.employeeId;
    }
    const response = await fetch(app.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  };

  return {
    app,
    database,
    kafka,
    clock,
    topic,
    gql,
    async data<T>(query: string, variables?: Record<string, unknown>, claims?: Claims | null) {
      const response = await gql<T>(query, variables, claims);
      if (response.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
      return response.data as T;
    },
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
