import type { Message, TopicMessages } from 'kafkajs';

/** An unpublished outbox row as the relay reads it. */
export interface OutboxRow {
  id: string;
  event_id: string;
  topic: string;
  aggregate_id: string;
  /** The envelope: JSON text as the relay reads it (`payload::text`), or an object. */
  payload: unknown;
  headers: Record<string, string>;
  created_at: Date;
}

/** Key = aggregate id (one aggregate, one partition, in order); value = the envelope; headers as written. */
export function toProducerMessage(row: OutboxRow): Message {
  return { key: row.aggregate_id, value: valueOf(row), headers: { ...row.headers } };
}

/** The record's value: the envelope as stored (text), or serialized when the row holds an object. */
function valueOf(row: OutboxRow): string {
  return typeof row.payload === 'string' ? row.payload : JSON.stringify(row.payload);
}

/** The rows of each topic, in their order. */
export function groupByTopic(rows: readonly OutboxRow[]): Map<string, OutboxRow[]> {
  const byTopic = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    const list = byTopic.get(row.topic);
    if (list) list.push(row);
    else byTopic.set(row.topic, [row]);
  }
  return byTopic;
}

/** One entry per topic, rows kept in id order within each. */
export function toTopicMessages(rows: readonly OutboxRow[]): TopicMessages[] {
  return [...groupByTopic(rows)].map(([topic, list]) => ({ topic, messages: list.map(toProducerMessage) }));
}

/**
 * Splits rows into `groups` lists by a hash of the aggregate id, keeping id order within each: all events of one
 * aggregate land in the same list, so sending the lists side by side never reorders an aggregate.
 */
export function groupByKey(rows: readonly OutboxRow[], groups: number): OutboxRow[][] {
  const lists: OutboxRow[][] = Array.from({ length: Math.max(1, groups) }, () => []);
  for (const row of rows) lists[keyHash(row.aggregate_id) % lists.length].push(row);
  return lists;
}

/** FNV-1a over the key's UTF-16 code units: cheap, stable across processes. */
function keyHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Kafka's per-record framing besides key, value and headers (length, attributes, deltas; generous). */
const RECORD_OVERHEAD_BYTES = 32;

/** What a row adds to a produce request: its value, key and headers in bytes, and the record's framing. */
export function recordBytes(row: OutboxRow): number {
  let bytes = RECORD_OVERHEAD_BYTES + Buffer.byteLength(valueOf(row)) + Buffer.byteLength(row.aggregate_id);
  for (const [key, headerValue] of Object.entries(row.headers)) {
    bytes += Buffer.byteLength(key) + Buffer.byteLength(headerValue) + 2;
  }
  return bytes;
}

/**
 * `rows` cut into consecutive runs whose records fit in `maxBytes` each, in order; a row larger than `maxBytes` is a
 * run of its own.
 */
export function chunkByBytes(rows: readonly OutboxRow[], maxBytes: number): OutboxRow[][] {
  const chunks: OutboxRow[][] = [];
  let chunk: OutboxRow[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = recordBytes(row);
    if (chunk.length > 0 && bytes + size > maxBytes) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(row);
    bytes += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}
