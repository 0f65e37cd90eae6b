import type { Admin } from 'kafkajs';
import { consumerLag } from './metrics';

export interface PartitionLag {
  topic: string;
  partition: number;
  lag: number;
}

/**
 * Lag per partition = high watermark − committed offset (the whole partition while nothing is committed), set on
 * the `consumer_lag` gauge.
 */
export async function sampleConsumerLag(
  admin: Admin,
  groupId: string,
  consumer: string,
  topics: readonly string[],
): Promise<PartitionLag[]> {
  const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
  const lags: PartitionLag[] = [];
  for (const topic of topics) {
    const watermarks = await admin.fetchTopicOffsets(topic);
    const offsets = committed.find((entry) => entry.topic === topic)?.partitions ?? [];
    for (const { partition, high, low } of watermarks) {
      const offset = Number(offsets.find((entry) => entry.partition === partition)?.offset ?? -1);
      const lag = Number(high) - (offset >= 0 ? offset : Number(low));
      lags.push({ topic, partition, lag });
      consumerLag().set({ consumer, topic, partition: String(partition) }, lag);
    }
  }
  return lags;
}
