import { getOrCreateCounter, getOrCreateGauge, getOrCreateHistogram } from '@opsgraph/observability';

export const outboxBacklog = () =>
  getOrCreateGauge('outbox_backlog', 'Outbox rows not yet published to Kafka');

export const outboxPublished = () =>
  getOrCreateCounter('outbox_published_total', 'Outbox rows published to Kafka (acknowledged)', ['topic']);

export const outboxPublishLatency = () =>
  getOrCreateHistogram(
    'outbox_publish_latency_seconds',
    'From outbox insert to Kafka acknowledgement',
    ['topic'],
    [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  );

export const consumerProcessed = () =>
  getOrCreateCounter('consumer_processed_total', 'Messages handled (outcome: handled | duplicate)', [
    'consumer',
    'topic',
    'outcome',
  ]);

export const consumerDlq = () =>
  getOrCreateCounter('consumer_dlq_total', 'Messages sent to the dead-letter topic', ['consumer', 'topic']);

export const consumerLag = () =>
  getOrCreateGauge('consumer_lag', 'High watermark minus committed offset', [
    'consumer',
    'topic',
    'partition',
  ]);

export const kafkaRetriableErrors = () =>
  getOrCreateCounter(
    'kafka_retriable_errors_total',
    'Retriable broker answers kafkajs retried (e.g. no leader yet, coordinator loading), by kafkajs namespace, API and error',
    ['namespace', 'api', 'error'],
  );

export const retentionDeleted = () =>
  getOrCreateCounter(
    'retention_deleted_total',
    'Rows deleted by the retention job (outbox | processed_events)',
    ['table'],
  );
