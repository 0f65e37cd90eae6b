export { createDataSource, type DataSourceConfig } from './data-source';
export { runMigrations, MIGRATIONS_LOCK_NAME, type RunMigrationsOptions } from './run-migrations';
export { advisoryLockKey } from './advisory-lock-key';
export {
  platformMigrations,
  CreateOutbox1700000000000,
  CreateProcessedEvents1700000000001,
} from './migrations';
export { OUTBOX_TABLE, OUTBOX_CHANNEL, PROCESSED_EVENTS_TABLE } from './tables';
