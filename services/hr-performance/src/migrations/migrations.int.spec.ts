import { runMigrations } from '@opsgraph/persistence';
import { createTestDatabase, type TestDatabase } from '@opsgraph/testing';
import type { DataSource } from 'typeorm';
import { createHrPerformanceDataSource, migrations } from '../data-source';

describe('hr-performance migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('hr-migrations');
    dataSource = createHrPerformanceDataSource(database.url, 'hr-migrations-test');
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const tables = async (): Promise<string[]> =>
    (
      await dataSource.query(
        "select tablename from pg_tables where schemaname = 'public' and tablename <> 'migrations' order by tablename",
      )
    ).map((row: { tablename: string }) => row.tablename);

  it('applies, reverts with real down()s, and applies again', async () => {
    expect(await runMigrations(dataSource)).toHaveLength(migrations.length);
    expect(await tables()).toEqual([
      'audit_log',
      'departments',
      'employees',
      'kpi_definitions',
      'kpi_department_monthly',
      'kpi_employee_monthly',
      'kpi_ticket_facts',
      'outbox',
      'processed_events',
    ]);
    for (let i = 0; i < migrations.length; i++) await dataSource.undoLastMigration();
    expect(await tables()).toEqual([]);
    expect(await dataSource.query("select 1 from pg_class where relname = 'employee_number_seq'")).toEqual(
      [],
    );
    expect(await runMigrations(dataSource)).toHaveLength(migrations.length);
  });

  it('keeps every position’s weights at a total of 100 in the database itself', async () => {
    const [{ n }] = await dataSource.query(
      `select count(*)::int as n from kpi_definitions
       where service_quality + efficiency + customer_satisfaction + teamwork + attitude = 100`,
    );
    expect(n).toBe(9);
    await expect(
      dataSource.query("update kpi_definitions set attitude = attitude + 1 where position = 'TECHNICIAN'"),
    ).rejects.toThrow(/kpi_definitions_total_100/);
  });
});
