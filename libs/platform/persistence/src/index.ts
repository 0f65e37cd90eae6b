export { createDataSource, type DataSourceConfig } from './data-source';
export { runMigrations, MIGRATIONS_LOCK_NAME, type RunMigrationsOptions } from './run-migrations';
export { advisoryLockKey } from './advisory-lock-key';
export { platformMigrations } from './migrations';
export { OUTBOX_CHANNEL } from './outbox-channel';
export { sqlMigration, type MigrationClass, type MigrationStep, type SqlMigration } from './sql-migration';
export { AggregateRow, TimestampColumn } from './columns';
export { findEntitiesByIds, readEntities, sqlStatement, type SqlStatement } from './entity-rows';
export { columnsFor, type ColumnProjection } from './column-projection';
