export { createKafka, kafkaLogCreator, DEFAULT_KAFKA_RETRY, type KafkaOptions } from './kafka';
export { OutboxWriter, type OutboxWriterOptions } from './outbox-writer';
export { OutboxRelay, type OutboxRelayOptions, type RelayFaults } from './outbox-relay';
export { toProducerMessage, toTopicMessages, type OutboxRow } from './outbox-message';
export { LeaderLock, type LeaderLockOptions } from './leader-lock';
export {
  createConsumer,
  type ConsumerOptions,
  type ConsumerRuntime,
  type ConsumerFaults,
  type EventHandler,
  type BatchHandler,
  type BatchContext,
  type MessageContext,
} from './consumer-runtime';
export { sampleConsumerLag, type PartitionLag } from './consumer-lag';
export { DLQ_HEADERS, buildDlqHeaders, ensureDlqTopics, type DeadLetter } from './dlq';
export { waitForTopicLeaders, retryWhileNotPropagated, type TopicWaitOptions } from '@opsgraph/kafka-admin';
export { decodeMessage, type Decoded } from './decode';
export { claimEvent, claimEvents } from './inbox';
export {
  RetentionJob,
  DEFAULT_OUTBOX_RETENTION_HOURS,
  DEFAULT_PROCESSED_EVENTS_RETENTION_HOURS,
  type RetentionJobOptions,
  type RetentionResult,
} from './retention-job';
export { replayProjection, runReplayCommand, type ReplayOptions, type ReplayCommandOptions } from './replay';
export { backoffDelay, sleep, type BackoffOptions } from './backoff';
export { resolveTopic, topicForAggregate, type TopicRef } from './topics';
export { InvalidOutboxEventError, NonRetriableError, ConsumerGroupActiveError } from './errors';
