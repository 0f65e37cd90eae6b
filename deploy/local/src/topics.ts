import { createTopicsAndWait } from '@opsgraph/kafka-admin';
import { ITopicConfig, Kafka, logLevel } from 'kafkajs';

/** Creates the topics that do not exist yet; existing ones are left as they are. */
export async function ensureTopics(brokers: string[], topics: ITopicConfig[]): Promise<string[]> {
  const admin = new Kafka({ clientId: 'opsgraph-infra', brokers, logLevel: logLevel.ERROR }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic.topic));
    if (missing.length > 0) await createTopicsAndWait(admin, missing);
    return missing.map((topic) => topic.topic);
  } finally {
    await admin.disconnect();
  }
}

export async function listTopics(brokers: string[]): Promise<string[]> {
  const admin = new Kafka({ clientId: 'opsgraph-infra', brokers, logLevel: logLevel.ERROR }).admin();
  await admin.connect();
  try {
    return (await admin.listTopics()).sort();
  } finally {
    await admin.disconnect();
  }
}
