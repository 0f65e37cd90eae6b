// The service-history projection on the platform consumer runtime, and what a replay of it needs.
import { topicFor } from '@opsgraph/contracts-events';
import { createConsumer, type ConsumerRuntime, type ReplayOptions } from '@opsgraph/messaging';
import type { Logger } from '@opsgraph/observability';
import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { projectTicketEvent } from './service-history.projection';
import { SERVICE_HISTORY_TABLES } from './service-history.repository';

export const SERVICE_HISTORY_CONSUMER = 'customer-service-history';

/** The projection's consumer group, topics and tables; the group is per topic namespace (tests run side by side). */
export function serviceHistoryProjection(namespace: string): Omit<ReplayOptions, 'kafka' | 'dataSource'> {
  return {
    groupId: namespace ? `${namespace}.${SERVICE_HISTORY_CONSUMER}` : SERVICE_HISTORY_CONSUMER,
    consumerName: SERVICE_HISTORY_CONSUMER,
    topics: [topicFor('ticket')],
    namespace,
    truncate: [...SERVICE_HISTORY_TABLES],
  };
}

export function createServiceHistoryConsumer(options: {
  kafka: Kafka;
  dataSource: DataSource;
  namespace: string;
  logger: Logger;
}): ConsumerRuntime {
  const projection = serviceHistoryProjection(options.namespace);
  return createConsumer({
    kafka: options.kafka,
    dataSource: options.dataSource,
    groupId: projection.groupId,
    consumerName: projection.consumerName,
    topics: projection.topics,
    namespace: options.namespace,
    logger: options.logger,
    handle: projectTicketEvent,
    // One transaction per Kafka batch (replays, bursts); the runtime falls back to `handle` one by one on failure,
    // e.g. a deadlock between replicas consuming other partitions.
    handleBatch: async (events, manager) => {
      for (const event of events) await projectTicketEvent(event, manager);
    },
  });
}
