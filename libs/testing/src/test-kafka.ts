import { createTopicsAndWait } from '@opsgraph/kafka-admin';
import { Admin, ITopicConfig, Kafka, logLevel } from 'kafkajs';
import { testKafkaBrokers } from './environment';
import { testNamespace } from './naming';

export interface TestKafka {
  brokers: string[];
  /** Prefix for this suite's topic names (pass it as the services' topic namespace). */
  namespace: string;
  kafka: Kafka;
  /** `<namespace>.<name>` */
  topic(name: string): string;
  createTopics(topics: ITopicConfig[]): Promise<void>;
  /** Deletes every topic this suite created, and disconnects. */
  cleanup(): Promise<void>;
}

export function createTestKafka(label: string): TestKafka {
  const brokers = testKafkaBrokers();
  const namespace = testNamespace(label);
  const kafka = new Kafka({ clientId: `test-${label}`, brokers, logLevel: logLevel.ERROR });
  let admin: Admin | undefined;
  const created = new Set<string>();
  const getAdmin = async (): Promise<Admin> => {
    if (!admin) {
      admin = kafka.admin();
      await admin.connect();
    }
    return admin;
  };
  return {
    brokers,
    namespace,
    kafka,
    topic: (name) => `${namespace}.${name}`,
    async createTopics(topics) {
      const client = await getAdmin();
      // kafkajs's own waitForLeaders fails on KRaft for a topic created a moment ago (see @opsgraph/kafka-admin).
      await createTopicsAndWait(client, topics);
      topics.forEach((topic) => created.add(topic.topic));
    },
    async cleanup() {
      const client = await getAdmin();
      const existing = new Set(await client.listTopics());
      const ours = [...existing].filter((topic) => topic.startsWith(`${namespace}.`) || created.has(topic));
      if (ours.length > 0) await client.deleteTopics({ topics: ours }).catch(() => undefined);
      await client.disconnect();
      admin = undefined;
    },
  };
}
