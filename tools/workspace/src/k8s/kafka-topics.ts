// Strimzi KafkaTopic resources from the topic catalogue (libs/contracts/events/src/topics.ts) through allTopics(),
// the same function the local infrastructure and the tests create topics with: name (with the deployment's topic
// namespace), partitions and retention come from the catalogue; the replication factor is the production override.
import { allTopics } from '@opsgraph/contracts-events';
import type { K8sObject } from './workload';

export const KAFKA_CLUSTER = 'opsgraph';
export const PRODUCTION_REPLICATION = 3;
/** With 3 replicas, a write is acknowledged by 2: one broker may be down without losing an acknowledged event. */
export const MIN_INSYNC_REPLICAS = 2;

export interface DlqTopic {
  /** `<topic>.dlq.<consumer>` (dlqTopicName). */
  name: string;
  source: string;
}

/** Kubernetes object names are lower-case DNS subdomains; Kafka names also allow `_` and upper case. */
export const kafkaTopicObjectName = (topic: string) => topic.toLowerCase().replace(/[^a-z0-9.-]/g, '-');

function kafkaTopic(topic: string, partitions: number, replicas: number, config: Record<string, string | number>): K8sObject {
  return {
    apiVersion: 'kafka.strimzi.io/v1beta2',
    kind: 'KafkaTopic',
    metadata: { name: kafkaTopicObjectName(topic), labels: { 'strimzi.io/cluster': KAFKA_CLUSTER } },
    spec: { topicName: topic, partitions, replicas, config },
  };
}

export function kafkaTopicObjects(namespace: string, dlqTopics: readonly DlqTopic[] = []): K8sObject[] {
  const topics = allTopics(namespace, { replicationFactor: PRODUCTION_REPLICATION });
  const configOf = (entries: { name: string; value: string }[]) => ({
    ...Object.fromEntries(entries.map(({ name, value }) => [name, value])),
    'min.insync.replicas': MIN_INSYNC_REPLICAS,
  });
  return [
    ...topics.map((topic) => kafkaTopic(topic.topic, topic.numPartitions, topic.replicationFactor, configOf(topic.configEntries))),
    ...dlqTopics.map(({ name, source }) => {
      const sourceTopic = topics.find((topic) => topic.topic === source);
      if (!sourceTopic) throw new Error(`DLQ ${name}: no topic ${source} in the catalogue`);
      // As ensureDlqTopics makes them: the source's partitions, kept until someone deals with the messages.
      return kafkaTopic(name, sourceTopic.numPartitions, sourceTopic.replicationFactor, configOf([{ name: 'retention.ms', value: '-1' }]));
    }),
  ];
}
