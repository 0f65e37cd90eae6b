import { runMigrations } from '@opsgraph/persistence';
import { createSubgraphDataSource } from '@opsgraph/service-kit';
import { migrationRoundTrip } from '@opsgraph/service-kit/testing';
import { createTestDatabase, type TestDatabase } from '@opsgraph/testing';
import type { DataSource } from 'typeorm';
import { subgraph } from '../subgraph';
import { hrPerformanceMigrations } from './index';

const TABLES = [
  'appraisal_cycles',
  'appraisals',
  'audit_log',
  'awards',
  'departments',
  'employees',
  'kpi_definitions',
  'kpi_employee_months',
  'outbox',
  'praise_credits',
  'processed_events',
  'training_plans',
  'training_sessions',
];

describe('hr-performance migrations', () => {
  it('applies, reverts with real down()s, and applies again', async () => {
    const result = await migrationRoundTrip(subgraph, 'hr-migrations');
    expect(result.tablesUp).toEqual(TABLES);
    expect(result.tablesDown).toEqual([]);
    expect(result.tablesUpAgain).toEqual(TABLES);
  });

  describe('on a migrated database', () => {
    let database: TestDatabase;
    let dataSource: DataSource;

    beforeAll(async () => {
      database = await createTestDatabase('hr-migrations-weights');
      dataSource = createSubgraphDataSource(subgraph, database.url, 'hr-migrations-test');
      await dataSource.initialize();
      await runMigrations(dataSource);
    });

    afterAll(async () => {
      await dataSource?.destroy();
      await database?.drop();
    });

    it('drops the employee number sequence with its table', async () => {
      for (let i = 0; i < hrPerformanceMigrations.length; i++) await dataSource.undoLastMigration();
      expect(await dataSource.query("select 1 from pg_class where relname = 'employee_number_seq'")).toEqual(
        [],
      );
      await runMigrations(dataSource);
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
});
