import { type Env, integer } from './env';

/** How long the platform tables keep rows that are no longer needed (see `RetentionJob` in @opsgraph/messaging). */
export interface RetentionConfig {
  /** Published outbox rows older than this are deleted; unpublished rows never are. */
  readonly outboxHours: number;
  /**
   * processed_events rows older than this are deleted. Must stay far beyond any redelivery window: an event whose
   * row is gone is applied again if Kafka delivers it again.
   */
  readonly processedEventsHours: number;
  /** Pause between two retention runs. */
  readonly intervalMs: number;
}

const HOUR_MS = 3_600_000;
const TEN_YEARS_HOURS = 87_600;

export function loadRetentionConfig(env: Env): RetentionConfig {
  return {
    outboxHours: integer(env, 'OUTBOX_RETENTION_HOURS', 7 * 24, { min: 1, max: TEN_YEARS_HOURS }),
    // At least a day: redeliveries come seconds after processing (uncommitted offsets, a rebalance).
    processedEventsHours: integer(env, 'PROCESSED_EVENTS_RETENTION_HOURS', 30 * 24, {
      min: 24,
      max: TEN_YEARS_HOURS,
    }),
    intervalMs: integer(env, 'RETENTION_INTERVAL_MS', HOUR_MS, { min: 1000, max: 24 * HOUR_MS }),
  };
}
