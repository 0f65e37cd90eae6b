import {
  Partitioners,
  type Admin,
  type IHeaders,
  type Kafka,
  type KafkaMessage,
  type Producer,
} from 'kafkajs';
import { dlqTopicName } from '@opsgraph/contracts-events';
import { waitForTopicLeaders, type TopicWaitOptions } from '@opsgraph/kafka-admin';

export const DLQ_HEADERS = {
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  error: 'dlq-error',
  attempts: 'dlq-attempts',
  consumer: 'dlq-consumer',
} as const;

const MAX_ERROR_LENGTH = 2000;

export interface DeadLetter {
  topic: string;
  partition: number;
  offset: string;
  error: string;
  attempts: number;
  consumer: string;
  originalHeaders?: IHeaders;
}

/** The original headers plus where the message came from and why it failed (the dlq-* ones win). */
export function buildDlqHeaders(letter: DeadLetter): IHeaders {
  return {
    ...(letter.originalHeaders ?? {}),
    [DLQ_HEADERS.originalTopic]: letter.topic,
    [DLQ_HEADERS.originalPartition]: String(letter.partition),
    [DLQ_HEADERS.originalOffset]: letter.offset,
    [DLQ_HEADERS.error]: letter.error.slice(0, MAX_ERROR_LENGTH),
    [DLQ_HEADERS.attempts]: String(letter.attempts),
    [DLQ_HEADERS.consumer]: letter.consumer,
  };
}

export function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Creates `<topic>.dlq.<consumer>` for each source topic that lacks one (the brokers never auto-create topics), with
 * the source's partition count and replication factor, kept until someone deals with the messages. Returns once the
 * source topics and the DLQ topics have leaders: the consumer subscribes and may dead-letter right after.
 */
export async function ensureDlqTopics(
  admin: Admin,
  sourceTopics: readonly string[],
  consumer: string,
  options: TopicWaitOptions = {},
): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = sourceTopics.filter((topic) => !existing.has(dlqTopicName(topic, consumer)));
  // The sources may have been created a moment ago by another process (`npm start`'s infrastructure step).
  const sources = await waitForTopicLeaders(admin, sourceTopics, options);
  if (missing.length === 0) return [];
  const configs = sources
    .filter((metadata) => missing.includes(metadata.name))
    .map((metadata) => ({
      topic: dlqTopicName(metadata.name, consumer),
      numPartitions: metadata.partitions.length,
      replicationFactor: metadata.partitions[0]?.replicas.length ?? 1,
      configEntries: [{ name: 'retention.ms', value: '-1' }],
    }));
  try {
    // Without kafkajs's wait (see waitForTopicLeaders); an existing topic (another replica was faster) is fine.
    await admin.createTopics({ topics: configs, waitForLeaders: false });
  } catch (error) {
    if ((error as { type?: string }).type !== 'TOPIC_ALREADY_EXISTS') throw error;
  }
  await waitForTopicLeaders(
    admin,
    configs.map((config) => config.topic),
    options,
  );
  return configs.map((config) => config.topic);
}

export class DeadLetterPublisher {
  private producer: Producer | undefined;

  constructor(private readonly kafka: Kafka) {}

  async publish(message: KafkaMessage, letter: DeadLetter): Promise<void> {
    const producer = await this.connect();
    await producer.send({
      topic: dlqTopicName(letter.topic, letter.consumer),
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: buildDlqHeaders({ ...letter, originalHeaders: message.headers }),
        },
      ],
    });
  }

  async disconnect(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect();
  }

  private async connect(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }
}
