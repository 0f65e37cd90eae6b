// The migrations on a real PostgreSQL: up, down (each one really undone), and up again.
import { runMigrations } from '@opsgraph/persistence';
import { createTestDatabase, type TestDatabase } from '@opsgraph/testing';
import type { DataSource } from 'typeorm';
import { createCustomerDataSource } from '../data-source';
import { customerMigrations } from './index';

const TABLES = [
  'customers',
  'customer_contacts',
  'customer_changes',
  'customer_revisits',
  'personal_data_access_log',
  'service_history_tickets',
  'customer_service_history',
];

describe('customer migrations', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  const tables = async (): Promise<string[]> =>
    (
      await dataSource.query(
        `select table_name from information_schema.tables where table_schema = 'public' and table_name = any($1) order by 1`,
        [TABLES],
      )
    ).map((row: { table_name: string }) => row.table_name);

  beforeAll(async () => {
    db = await createTestDatabase('customer-migrations');
    dataSource = createCustomerDataSource(db.url);
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('creates every table, drops them all again, and re-applies cleanly', async () => {
    const applied = await runMigrations(dataSource);
    expect(applied).toEqual(expect.arrayContaining(customerMigrations.map((migration) => migration.name)));
    expect(await tables()).toEqual([...TABLES].sort());
    expect(await dataSource.query(`select extname from pg_extension where extname = 'pg_trgm'`)).toHaveLength(
      1,
    );

    for (let index = 0; index < customerMigrations.length; index += 1) await dataSource.undoLastMigration();
    expect(await tables()).toEqual([]);
    expect(await dataSource.query(`select extname from pg_extension where extname = 'pg_trgm'`)).toHaveLength(
      0,
    );

    expect(await runMigrations(dataSource)).toEqual(customerMigrations.map((migration) => migration.name));
    expect(await tables()).toEqual([...TABLES].sort());
  });
});
