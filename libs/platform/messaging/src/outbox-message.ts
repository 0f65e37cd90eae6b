import type { Message, TopicMessages } from 'kafkajs';

/** An unpublished outbox row as the relay reads it. */
export interface OutboxRow {
  id: string;
  event_id: string;
  topic: string;
  aggregate_id: string;
  payload: unknown;
  headers: Record<string, string>;
  created_at: Date;
}

/** Key = aggregate id (one aggregate, one partition, in order); value = the envelope; headers as written. */
export function toProducerMessage(row: OutboxRow): Message {
  return { key: row.aggregate_id, value: JSON.stringify(row.payload), headers: { ...row.headers } };
}

/** One entry per topic, rows kept in id order within each. */
export function toTopicMessages(rows: readonly OutboxRow[]): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push(toProducerMessage(row));
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
