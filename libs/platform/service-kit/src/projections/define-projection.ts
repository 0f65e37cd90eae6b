// A read model kept from other domains' topics, declared once: the consumer group, the DLQ suffix, the replay
// command (`nx run <service>:replay --projection=<name>`) and the tables it rebuilds all derive from this.
import {
  topicFor,
  type AggregateType,
  type DomainEvent,
  type DomainEventType,
} from '@opsgraph/contracts-events';
import {
  createConsumer,
  replayProjection,
  type BatchContext,
  type ConsumerOptions,
  type ConsumerRuntime,
  type MessageContext,
  type ReplayOptions,
} from '@opsgraph/messaging';
import type { Logger } from '@opsgraph/observability';
import type { Kafka } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';

type EventOfType<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;

export interface ProjectionSpec<T extends DomainEventType> {
  /** Short name within the service, e.g. `service-history`; the consumer is `<service>-<name>`. */
  readonly name: string;
  /** Aggregate types whose topics it reads. */
  readonly topics: readonly AggregateType[];
  /** Event types it handles; the others on those topics are acknowledged and skipped. */
  readonly handles: readonly T[];
  /** One event, inside the transaction that records it as processed; use only `manager`. */
  readonly handle: (event: EventOfType<T>, manager: EntityManager, context: MessageContext) => Promise<void>;
  /**
   * Optional throughput path: one transaction per Kafka batch (falls back to `handle` one by one on failure). The
   * context's `messages` line up with `events` (offset and trace context of each).
   */
  readonly handleBatch?: (
    events: EventOfType<T>[],
    manager: EntityManager,
    context: BatchContext,
  ) => Promise<void>;
  /** The read-model tables a replay empties. */
  readonly tables: readonly string[];
  /**
   * Consumer settings of the batch path (see `ConsumerOptions`): how many partition batches run at once, and
   * whether they share one transaction. Defaults: the runtime's.
   */
  readonly consumer?: Pick<ConsumerOptions, 'partitionsConcurrently' | 'shareTransaction'>;
}

export interface ProjectionRuntimeOptions {
  readonly service: string;
  readonly kafka: Kafka;
  readonly dataSource: DataSource;
  readonly namespace: string;
  readonly logger?: Logger;
}

export interface Projection {
  readonly name: string;
  consumerName(service: string): string;
  /** Per topic namespace, so test suites run side by side. */
  groupId(service: string, namespace: string): string;
  replayOptions(service: string, namespace: string): Omit<ReplayOptions, 'kafka' | 'dataSource'>;
  createConsumer(options: ProjectionRuntimeOptions): ConsumerRuntime;
  /** Resets the group to the earliest offsets and empties the tables; the consumers must be stopped. */
  replay(options: ProjectionRuntimeOptions): Promise<void>;
}

export function defineProjection<T extends DomainEventType>(spec: ProjectionSpec<T>): Projection {
  const handled: ReadonlySet<string> = new Set(spec.handles);
  const isHandled = (event: DomainEvent): event is EventOfType<T> => handled.has(event.type);
  const consumerName = (service: string) => `${service}-${spec.name}`;
  const groupId = (service: string, namespace: string) =>
    namespace ? `${namespace}.${consumerName(service)}` : consumerName(service);
  const replayOptions = (service: string, namespace: string) => ({
    groupId: groupId(service, namespace),
    consumerName: consumerName(service),
    topics: spec.topics.map((type) => topicFor(type)),
    namespace,
    truncate: [...spec.tables],
  });
  const batch = spec.handleBatch;

  return {
    name: spec.name,
    consumerName,
    groupId,
    replayOptions,
    createConsumer: (options) =>
      createConsumer({
        ...replayOptions(options.service, options.namespace),
        ...spec.consumer,
        kafka: options.kafka,
        dataSource: options.dataSource,
        logger: options.logger,
        handle: async (event, manager, context) => {
          if (isHandled(event)) await spec.handle(event, manager, context);
        },
        handleBatch: batch
          ? (events, manager, context) => {
              const kept = events.flatMap((event, index) =>
                isHandled(event) ? [{ event, message: context.messages[index] }] : [],
              );
              const messages = kept.map(({ message }) => message);
              return batch(
                kept.map(({ event }) => event),
                manager,
                { ...context, messages },
              );
            }
          : undefined,
      }),
    replay: (options) =>
      replayProjection({
        ...replayOptions(options.service, options.namespace),
        kafka: options.kafka,
        dataSource: options.dataSource,
      }),
  };
}
