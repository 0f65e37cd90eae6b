import { DataSource, type DataSourceOptions } from 'typeorm';
import { installTimestamptzParser } from './timestamp-parser';

export interface DataSourceConfig {
  /** `postgres://user:password@host:port/database` */
  url: string;
  /** Shown in `pg_stat_activity`; use the service name (and role, e.g. `ticket-relay`). */
  applicationName: string;
  entities?: DataSourceOptions['entities'];
  migrations?: DataSourceOptions['migrations'];
  poolSize?: number;
  connectTimeoutMs?: number;
  /** Server-side limit per statement; `runMigrations` lifts it for its own session. */
  statementTimeoutMs?: number;
  logging?: DataSourceOptions['logging'];
}

/** A TypeORM DataSource for PostgreSQL (not yet initialized). Schema changes come from migrations only. */
export function createDataSource(config: DataSourceConfig): DataSource {
  installTimestamptzParser();
  return new DataSource({
    type: 'postgres',
    url: config.url,
    applicationName: config.applicationName,
    entities: config.entities ?? [],
    migrations: config.migrations ?? [],
    poolSize: config.poolSize ?? 10,
    connectTimeoutMS: config.connectTimeoutMs ?? 5000,
    extra: { statement_timeout: config.statementTimeoutMs ?? 15_000 },
    logging: config.logging ?? false,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
  });
}
