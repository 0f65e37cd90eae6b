import { KafkaHeadersSchema, toKafkaHeaders } from '../envelope';
import type { EventDefinition } from '../define-event';
import { consumerSchema, plainSchema, type JsonSchema } from '../json-schema';
import { exampleEvent } from '../testing/event-samples';
import { TOPICS, type TopicEntry } from '../topics';

const KAFKA_BINDING_VERSION = '0.5.0';

export const messageId = (definition: EventDefinition): string => `${definition.type}.v${definition.version}`;
const channelId = (topic: TopicEntry): string => topic.aggregateType;
const EXAMPLE_TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

/** Dead-letter topics: `<topic>.dlq.<consumer>`, one per source topic and consumer (libs/platform/messaging). */
const DLQ_CHANNEL = 'deadLetters';

function deadLetterChannel(): JsonSchema {
  return {
    address: '{topic}.dlq.{consumer}',
    title: 'Dead letters',
    description:
      'A consumer that cannot process a message (invalid, or failing after its retries) copies it here unchanged, ' +
      'key and value, with its original headers plus the dlq-* headers, and moves on. Created by the consumer on ' +
      'start with the source topic’s partitions and unlimited retention; nothing consumes it automatically: replay ' +
      'or discard after fixing the cause.',
    parameters: {
      topic: { enum: TOPICS.map((topic) => topic.name), description: 'The source topic.' },
      consumer: { description: 'The consumer: `<service>-<projection>`, e.g. `customer-ticket-history`.' },
    },
    messages: { deadLetter: { $ref: '#/components/messages/deadLetter' } },
  };
}

function deadLetterMessage(): JsonSchema {
  return {
    name: 'deadLetter',
    title: 'Dead letter',
    summary:
      'The original message (any event of the source topic) with where it came from and why it failed.',
    contentType: 'application/json',
    headers: { $ref: '#/components/schemas/DeadLetterHeaders' },
    payload: {
      description: 'The original value, unchanged (normally an event envelope; possibly not JSON at all).',
    },
  };
}

const DEAD_LETTER_HEADERS: JsonSchema = {
  type: 'object',
  description: 'The original headers (event-*, traceparent, …) plus these.',
  required: [
    'dlq-original-topic',
    'dlq-original-partition',
    'dlq-original-offset',
    'dlq-error',
    'dlq-attempts',
    'dlq-consumer',
  ],
  properties: {
    'dlq-original-topic': { type: 'string' },
    'dlq-original-partition': { type: 'string', pattern: '^[0-9]+$' },
    'dlq-original-offset': { type: 'string', pattern: '^[0-9]+$' },
    'dlq-error': { type: 'string', maxLength: 2000, description: 'The error, `<name>: <message>`.' },
    'dlq-attempts': { type: 'string', pattern: '^[1-9][0-9]*$' },
    'dlq-consumer': { type: 'string' },
  },
};

function message(definition: EventDefinition): JsonSchema {
  const example = exampleEvent(definition);
  return {
    name: definition.type,
    title: `${definition.type} v${definition.version}`,
    summary: definition.description,
    contentType: 'application/json',
    headers: { $ref: '#/components/schemas/KafkaHeaders' },
    payload: consumerSchema(definition),
    examples: [
      {
        name: `${definition.type}-example`,
        summary: `A complete ${definition.type} v${definition.version} event as it is on the topic.`,
        headers: toKafkaHeaders(example, { traceparent: EXAMPLE_TRACEPARENT }),
        payload: example,
      },
    ],
    bindings: {
      kafka: {
        key: { type: 'string', format: 'uuid', description: 'The aggregateId.' },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

function channel(topic: TopicEntry): JsonSchema {
  return {
    address: topic.name,
    title: topic.name,
    description: `${topic.description} Key: ${topic.key}. Test suites prefix the name with a namespace.`,
    messages: Object.fromEntries(
      topic.events.map((d) => [messageId(d), { $ref: `#/components/messages/${messageId(d)}` }]),
    ),
    bindings: {
      kafka: {
        topic: topic.name,
        partitions: topic.partitions,
        replicas: topic.replicationFactor,
        topicConfiguration: {
          'cleanup.policy': [topic.cleanupPolicy],
          'retention.ms': topic.retentionMs,
        },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

function operation(topic: TopicEntry): JsonSchema {
  return {
    action: 'send',
    channel: { $ref: `#/channels/${channelId(topic)}` },
    title: `Publish ${topic.aggregateType} events`,
    summary: `The ${topic.producer} service publishes ${topic.aggregateType} events (via its transactional outbox).`,
    messages: topic.events.map((d) => ({ $ref: `#/channels/${channelId(topic)}/messages/${messageId(d)}` })),
  };
}

/** The AsyncAPI 3.0.0 document of every topic and event in the catalogue. */
export function buildAsyncApiDocument(): JsonSchema {
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'opsgraph domain events',
      version: '1.0.0',
      description:
        'Kafka topics published by opsgraph services: one topic per aggregate type, keyed by aggregateId. ' +
        'Every message value is a JSON event envelope; its metadata is mirrored in Kafka headers. ' +
        'Generated from libs/contracts/events — run `npm run docs:events` after changing a contract.',
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
    },
    defaultContentType: 'application/json',
    servers: {
      kafka: {
        host: 'localhost:9092',
        protocol: 'kafka',
        description: 'Local development broker (npm run infra:up).',
      },
    },
    channels: {
      ...Object.fromEntries(TOPICS.map((t) => [channelId(t), channel(t)])),
      [DLQ_CHANNEL]: deadLetterChannel(),
    },
    operations: {
      ...Object.fromEntries(TOPICS.map((t) => [`publish-${channelId(t)}-events`, operation(t)])),
      'publish-dead-letters': {
        action: 'send',
        channel: { $ref: `#/channels/${DLQ_CHANNEL}` },
        title: 'Dead-letter a message',
        summary: 'Every consumer of the topics above dead-letters what it cannot process.',
        messages: [{ $ref: `#/channels/${DLQ_CHANNEL}/messages/deadLetter` }],
      },
    },
    components: {
      schemas: { KafkaHeaders: plainSchema(KafkaHeadersSchema), DeadLetterHeaders: DEAD_LETTER_HEADERS },
      messages: {
        ...Object.fromEntries(TOPICS.flatMap((t) => t.events).map((d) => [messageId(d), message(d)])),
        deadLetter: deadLetterMessage(),
      },
    },
  };
}
