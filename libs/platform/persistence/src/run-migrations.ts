import { MigrationExecutor, type DataSource } from 'typeorm';
import { advisoryLockKey } from './advisory-lock-key';

export const MIGRATIONS_LOCK_NAME = 'opsgraph-migrations';

export interface RunMigrationsOptions {
  /** `each` (default): every migration commits on its own, and a migration may set `transaction = false`. */
  transaction?: 'each' | 'all' | 'none';
}

/**
 * Applies pending migrations while holding a session advisory lock, all on one connection: replicas (or a migrate
 * Job and a pod) that start together queue on the lock, and the later ones find nothing pending.
 * Returns the names applied by this call.
 */
export async function runMigrations(
  dataSource: DataSource,
  options: RunMigrationsOptions = {},
): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const key = advisoryLockKey(MIGRATIONS_LOCK_NAME);
  try {
    // Waiting for the lock and building indexes may take longer than the application's statement timeout.
    await runner.query('set statement_timeout = 0');
    await runner.query('select pg_advisory_lock($1::bigint)', [key]);
    try {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = options.transaction ?? 'each';
      const applied = await executor.executePendingMigrations();
      return applied.map((migration) => migration.name);
    } finally {
      // A broken connection has released the lock already; do not hide the migration's own error.
      await runner.query('select pg_advisory_unlock($1::bigint)', [key]).catch(() => undefined);
    }
  } finally {
    await runner.query('reset statement_timeout').catch(() => undefined);
    await runner.release();
  }
}
