import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes that let the retention job (`RetentionJob` in @opsgraph/messaging) find old rows without scanning the
 * whole table on every batch. Plain `create index`, not `concurrently`: replicas waiting in `runMigrations` for the
 * migration lock hold a snapshot, and a concurrent build waits for every such snapshot, i.e. for them (deadlock).
 */
export class IndexRetentionColumns1700000000002 implements MigrationInterface {
  name = 'IndexRetentionColumns1700000000002';

  async up(runner: QueryRunner): Promise<void> {
    // Only published rows are ever deleted; the unpublished backlog keeps its own index.
    await runner.query(
      'create index outbox_published_at_idx on outbox (published_at) where published_at is not null',
    );
    await runner.query('create index processed_events_processed_at_idx on processed_events (processed_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop index processed_events_processed_at_idx');
    await runner.query('drop index outbox_published_at_idx');
  }
}
