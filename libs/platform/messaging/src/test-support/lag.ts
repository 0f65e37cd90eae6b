import type { Kafka } from 'kafkajs';
import { sampleConsumerLag } from '../consumer-lag';

/** Total lag of a group over `topics` (committed offsets vs high watermarks). */
export async function totalLag(
  kafka: Kafka,
  groupId: string,
  consumer: string,
  topics: string[],
): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await sampleConsumerLag(admin, groupId, consumer, topics)).reduce(
      (sum, entry) => sum + entry.lag,
      0,
    );
  } finally {
    await admin.disconnect();
  }
}
