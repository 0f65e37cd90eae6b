import type { DataSource } from 'typeorm';
import { createLogger, type Logger } from '@opsgraph/observability';
import { retentionDeleted } from './metrics';

export interface RetentionJobOptions {
  dataSource: DataSource;
  /** Published outbox rows older than this go; default 7 days. Unpublished rows are never deleted. */
  outboxHours?: number;
  /** processed_events rows older than this go; default 30 days. See `RetentionJob` before lowering it. */
  processedEventsHours?: number;
  /** Rows per DELETE statement; a run loops until a statement deletes fewer. */
  batchSize?: number;
  logger?: Logger;
}

export interface RetentionResult {
  outboxDeleted: number;
  processedDeleted: number;
}

export const DEFAULT_OUTBOX_RETENTION_HOURS = 7 * 24;
export const DEFAULT_PROCESSED_EVENTS_RETENTION_HOURS = 30 * 24;
const DEFAULT_BATCH_SIZE = 5000;

/**
 * Deletes what the platform tables no longer need: outbox rows published longer ago than `outboxHours` (the relay
 * only ever reads unpublished rows) and processed_events rows older than `processedEventsHours`.
 *
 * Why 30 days is safe for processed_events: a row only matters while Kafka may deliver its event again to the same
 * consumer group, and Kafka does so only for offsets not yet committed. The consumer runtime commits within seconds
 * (every 5 s or 500 messages), so redeliveries (a crash, a rebalance) come seconds after processing. A replay
 * deletes the consumer's rows itself. The one way an old event comes back is a group whose committed offsets Kafka
 * dropped: a group that stays empty longer than the broker's `offsets.retention.minutes` (default 7 days) starts
 * again from the earliest offset (topics are kept forever), and every event whose row is gone is applied again.
 * Keep `offsets.retention.minutes` above the longest consumer outage you tolerate, or replay the projection after
 * such an outage.
 *
 * Replicas may run it at the same time: each statement takes its rows with `for update skip locked`, so two runs
 * split the work and neither waits for, nor counts, the other's rows.
 */
export class RetentionJob {
  private readonly outboxHours: number;
  private readonly processedEventsHours: number;
  private readonly batchSize: number;
  private readonly logger: Logger;

  constructor(private readonly options: RetentionJobOptions) {
    this.outboxHours = positive('outboxHours', options.outboxHours ?? DEFAULT_OUTBOX_RETENTION_HOURS);
    this.processedEventsHours = positive(
      'processedEventsHours',
      options.processedEventsHours ?? DEFAULT_PROCESSED_EVENTS_RETENTION_HOURS,
    );
    this.batchSize = positive('batchSize', options.batchSize ?? DEFAULT_BATCH_SIZE);
    this.logger = options.logger ?? createLogger({ service: 'retention' });
  }

  async runOnce(): Promise<RetentionResult> {
    // Cut-offs fixed at the start (database clock, like the timestamps), so a run ends even under steady traffic.
    const [cutoff]: { outbox: string; processed: string }[] = await this.options.dataSource.query(
      `select (now() - make_interval(hours => $1::int))::text as outbox,
              (now() - make_interval(hours => $2::int))::text as processed`,
      [this.outboxHours, this.processedEventsHours],
    );
    const outboxDeleted = await this.deleteInBatches('outbox', 'published_at', cutoff.outbox);
    const processedDeleted = await this.deleteInBatches('processed_events', 'processed_at', cutoff.processed);
    if (outboxDeleted + processedDeleted > 0) {
      this.logger.info({ outboxDeleted, processedDeleted }, 'retention: deleted old rows');
    }
    return { outboxDeleted, processedDeleted };
  }

  private async deleteInBatches(
    table: 'outbox' | 'processed_events',
    column: 'published_at' | 'processed_at',
    cutoff: string,
  ): Promise<number> {
    const counter = retentionDeleted();
    let total = 0;
    for (;;) {
      // `published_at < cutoff` is never true for an unpublished (null) row. Each statement commits on its own.
      const [, deleted]: [unknown, number] = await this.options.dataSource.query(
        `delete from ${table} where ctid = any(array(
           select ctid from ${table} where ${column} < $1::timestamptz limit $2 for update skip locked))`,
        [cutoff, this.batchSize],
      );
      total += deleted;
      counter.inc({ table }, deleted);
      if (deleted < this.batchSize) return total;
    }
  }
}

function positive(name: string, value: number): number {
  if (!Number.isInteger(value) || value <= 0) {
    throw new RangeError(`RetentionJob: ${name} must be a positive integer, got ${value}`);
  }
  return value;
}
