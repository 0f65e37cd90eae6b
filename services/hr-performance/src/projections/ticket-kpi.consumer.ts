// The ticket KPI projection on the platform consumer runtime, and what a replay of it needs.
import { topicFor } from '@opsgraph/contracts-events';
import { createConsumer, type ConsumerRuntime, type ReplayOptions } from '@opsgraph/messaging';
import type { Logger } from '@opsgraph/observability';
import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { TicketKpiProjection } from './ticket-kpi.projection';
import { KPI_TABLES, TicketKpiRepository } from './ticket-kpi.repository';

/** Key in processed_events and suffix of the DLQ topic. */
export const TICKET_KPI_CONSUMER = 'hr-performance-ticket-kpi';

/** The projection's consumer group, topics and tables; the group is per topic namespace (tests run side by side). */
export function ticketKpiProjection(namespace: string): Omit<ReplayOptions, 'kafka' | 'dataSource'> {
  return {
    groupId: namespace ? `${namespace}.${TICKET_KPI_CONSUMER}` : TICKET_KPI_CONSUMER,
    consumerName: TICKET_KPI_CONSUMER,
    topics: [topicFor('ticket')],
    namespace,
    truncate: [...KPI_TABLES],
  };
}

export function createTicketKpiConsumer(options: {
  kafka: Kafka;
  dataSource: DataSource;
  namespace: string;
  timeZone: string;
  logger: Logger;
  onFatal?: (error: Error) => void;
}): ConsumerRuntime {
  const projection = new TicketKpiProjection(new TicketKpiRepository(), options.timeZone);
  const { groupId, consumerName, topics } = ticketKpiProjection(options.namespace);
  return createConsumer({
    kafka: options.kafka,
    groupId,
    consumerName,
    topics,
    namespace: options.namespace,
    dataSource: options.dataSource,
    handle: projection.handle,
    handleBatch: projection.handleBatch,
    logger: options.logger,
    fromBeginning: true,
    ...(options.onFatal ? { onFatal: options.onFatal } : {}),
  });
}
