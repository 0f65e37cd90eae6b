// The ticket service on the kit's harness (fresh test database and topic namespace, real PostgreSQL and Kafka), with
// a clock tests move forward and a reader of the ticket topic.
import { topicFor, topicName, validateEvent, type DomainEvent } from '@opsgraph/contracts-events';
import type { SubgraphApp } from '@opsgraph/service-kit';
import { createServiceHarness } from '@opsgraph/service-kit/testing';
import { waitFor, type GraphQLResult, type TestCaller, type TestKafka } from '@opsgraph/testing';
import type { Consumer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import type { TicketConfig } from '../config';
import type { TicketServices } from '../context';
import { subgraph } from '../subgraph';
import { ids } from './fixtures';
import { knowReferences, type TestReferences } from './known-references';

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
  readonly app: SubgraphApp<TicketConfig, TicketServices>;
  /** The subgraph's `/graphql` URL. */
  readonly url: string;
  readonly kafka: TestKafka;
  readonly clock: TestClock;
  readonly topic: string;
  /** As the gateway would call; without claims, anonymously. */
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
  /** Makes customers, employees and departments known to the service (the fixtures' ids are known from the start). */
  know(references: TestReferences): Promise<void>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /** Read the topic back (starts a consumer); default true. */
  readonly consumeTopic?: boolean;
  /** Environment of the service, e.g. `{ RUN_SLA_SCANNER: 'false' }`. */
  readonly env?: Record<string, string>;
}

export async function startTicketHarness(
  label: string,
  options: HarnessOptions = {},
): Promise<TicketHarness> {
  const clock = new TestClock();
  const harness = await createServiceHarness(subgraph, label, {
    // Unknown references are refused after a short wait here, so that tests of refusals stay quick.
    env: { SLA_SCAN_INTERVAL_MS: '200', REFERENCE_WAIT_MS: '200', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', ...options.env },
    clock: clock.now,
  });
  const topic = topicName(topicFor('ticket'), harness.kafka.namespace);
  const events: DomainEvent[] = [];
  const invalidEvents: { value: string; errors: string[] }[] = [];
  let consumer: Consumer | undefined;
  const know = (references: TestReferences) => knowReferences(harness.app.dataSource.manager, references);
  try {
    await know({
      customers: [ids.customerA, ids.customerB],
      departments: [ids.serviceDesk, ids.fieldTech],
      employees: [ids.agentEmployee, ids.techEmployee],
    });
    if (options.consumeTopic ?? true) {
      consumer = harness.kafka.kafka.consumer({
        groupId: `${harness.kafka.namespace}.reader.${randomUUID()}`,
      });
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
  } catch (error) {
    await harness.stop();
    throw error;
  }

  return {
    app: harness.app,
    url: harness.app.url ?? '',
    kafka: harness.kafka,
    clock,
    topic,
    gql: (query, variables, claims = null) => harness.gql(query, variables, claims),
    data: (query, variables, claims = null) => harness.ok(query, variables, claims),
    events,
    invalidEvents,
    eventsOf: (ticketId, count) =>
      waitFor(
        async () => events.filter((event) => event.aggregateId === ticketId),
        (found) => found.length >= count,
        { what: `${count} events of ticket ${ticketId}`, timeoutMs: 20_000 },
      ),
    sql: (text, params) => harness.app.dataSource.query(text, params),
    know,
    async stop() {
      await consumer?.disconnect();
      await harness.stop();
    },
  };
}
