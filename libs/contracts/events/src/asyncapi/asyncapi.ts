import { KafkaHeadersSchema } from '../envelope';
import type { EventDefinition } from '../define-event';
import { plainSchema, type JsonSchema } from '../json-schema';
import { TOPICS, type TopicEntry } from '../topics';

const KAFKA_BINDING_VERSION = '0.5.0';

export const messageId = (definition: EventDefinition): string => `${definition.type}.v${definition.version}`;
const channelId = (topic: TopicEntry): string => topic.aggregateType;

function message(definition: EventDefinition): JsonSchema {
  return {
    name: definition.type,
    title: `${definition.type} v${definition.version}`,
    summary: definition.description,
    contentType: 'application/json',
    headers: { $ref: '#/components/schemas/KafkaHeaders' },
    payload: plainSchema(definition.schema),
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
    channels: Object.fromEntries(TOPICS.map((t) => [channelId(t), channel(t)])),
    operations: Object.fromEntries(TOPICS.map((t) => [`publish-${channelId(t)}-events`, operation(t)])),
    components: {
      schemas: { KafkaHeaders: plainSchema(KafkaHeadersSchema) },
      messages: Object.fromEntries(TOPICS.flatMap((t) => t.events).map((d) => [messageId(d), message(d)])),
    },
  };
}
