import { sqlMigration } from '../sql-migration';

/**
 * Indexes that let the retention job (`RetentionJob` in @opsgraph/messaging) find old rows without scanning the
 * whole table on every batch. Plain `create index`, not `concurrently`: replicas waiting in `runMigrations` for the
 * migration lock hold a snapshot, and a concurrent build waits for every such snapshot, i.e. for them (deadlock).
 */
export const IndexRetentionColumns1700000000002 = sqlMigration({
  name: 'IndexRetentionColumns1700000000002',
  up: [
    // Only published rows are ever deleted; the unpublished backlog keeps its own index.
    'create index outbox_published_at_idx on outbox (published_at) where published_at is not null',
    'create index processed_events_processed_at_idx on processed_events (processed_at)',
  ],
  down: ['drop index processed_events_processed_at_idx', 'drop index outbox_published_at_idx'],
});
