// The migrations on a real PostgreSQL: up, down (each one really undone), and up again; and the move of the old
// customer_changes trail into audit_log, both ways.
import { runMigrations } from '@opsgraph/persistence';
import { createSubgraphDataSource, subgraphMigrations } from '@opsgraph/service-kit';
import { migrationRoundTrip } from '@opsgraph/service-kit/testing';
import { createTestDatabase, type TestDatabase } from '@opsgraph/testing';
import type { DataSource } from 'typeorm';
import { subgraph } from '../subgraph';
import { customerMigrations } from './index';

const TABLES = [
  'audit_log',
  'customers',
  'customer_contacts',
  'customer_revisits',
  'personal_data_access_log',
  'service_history_tickets',
  'customer_service_history',
];

const CUSTOMER = '9b2e6d40-1c3f-4a85-b7e2-5d8f0a1c3e67';
const CONTACT = '3f7c1a52-8e4b-4d2a-9c61-0b5e2f9a7d14';

describe('customer migrations', () => {
  it('creates every table, drops them all again, and re-applies cleanly', async () => {
    const result = await migrationRoundTrip(subgraph, 'customer-migrations');
    expect(result.tablesUp).toEqual(expect.arrayContaining(TABLES));
    expect(result.tablesUp).not.toContain('customer_changes');
    expect(result.tablesDown).toEqual([]);
    expect(result.tablesUpAgain).toEqual(result.tablesUp);
  });

  describe('on one database', () => {
    let db: TestDatabase;
    let dataSource: DataSource;
    const trigram = () => dataSource.query(`select extname from pg_extension where extname = 'pg_trgm'`);

    beforeAll(async () => {
      db = await createTestDatabase('customer-migrations-data');
      dataSource = createSubgraphDataSource(subgraph, db.url);
      await dataSource.initialize();
    });

    afterAll(async () => {
      await dataSource?.destroy();
      await db?.drop();
    });

    it('applies every migration, the kit’s audit_log before the customer’s own', async () => {
      const applied = await runMigrations(dataSource);
      expect(applied).toEqual(subgraphMigrations(subgraph).map((migration) => migration.name));
      expect(applied.indexOf('CreateAuditLog1700000000100')).toBeLessThan(
        applied.indexOf(customerMigrations[0].name),
      );
      expect(await trigram()).toHaveLength(1);
    });

    it('moves customer_changes into audit_log (ids, versions, subject and fields) and back', async () => {
      // Back to before MoveCustomerChangesToAuditLog: the migrations after it first (AddServiceHistoryMerges).
      await dataSource.undoLastMigration();
      await dataSource.undoLastMigration();
      await dataSource.query(
        `insert into customers (id, code, name, type, tier, created_by, created_at, updated_at, version)
         values ($1, 'MIG-1', 'Migrated', 'INDIVIDUAL', 'STANDARD', 'u1', now(), now(), 2)`,
        [CUSTOMER],
      );
      await dataSource.query(
        `insert into customer_changes (id, customer_id, customer_version, action, subject_id, changes, actor_id,
                                       actor_role, correlation_id, occurred_at)
         overriding system value values
           (7, $1, 1, 'REGISTERED', null, '[{"field":"code","from":null,"to":"MIG-1"}]', 'u1', 'AGENT', 'c1',
            '2026-01-01T00:00:00Z'),
           (9, $1, 2, 'CONTACT_ADDED', $2, '[{"field":"phone","from":null,"to":null}]', 'u2', 'ADMIN', null,
            '2026-01-02T00:00:00Z')`,
        [CUSTOMER, CONTACT],
      );

      await runMigrations(dataSource);
      const moved = await dataSource.query(
        `select id, aggregate_type, aggregate_id, aggregate_version, action, changes, actor_id, actor_role,
                correlation_id, occurred_at from audit_log order by id`,
      );
      expect(moved).toEqual([
        {
          id: '7',
          aggregate_type: 'customer',
          aggregate_id: CUSTOMER,
          aggregate_version: 1,
          action: 'REGISTERED',
          changes: { subjectId: null, fields: [{ field: 'code', from: null, to: 'MIG-1' }] },
          actor_id: 'u1',
          actor_role: 'AGENT',
          correlation_id: 'c1',
          occurred_at: new Date('2026-01-01T00:00:00Z'),
        },
        {
          id: '9',
          aggregate_type: 'customer',
          aggregate_id: CUSTOMER,
          aggregate_version: 2,
          action: 'CONTACT_ADDED',
          changes: { subjectId: CONTACT, fields: [{ field: 'phone', from: null, to: null }] },
          actor_id: 'u2',
          actor_role: 'ADMIN',
          correlation_id: null,
          occurred_at: new Date('2026-01-02T00:00:00Z'),
        },
      ]);
      expect(await dataSource.query(`select to_regclass('customer_changes') is null as gone`)).toEqual([
        { gone: true },
      ]);
      // New lines continue after the moved ones.
      await dataSource.query(
        `insert into audit_log (aggregate_type, aggregate_id, aggregate_version, action, changes, actor_role)
         values ('customer', $1, 3, 'UPDATED', '{}', 'AGENT')`,
        [CUSTOMER],
      );
      expect(await dataSource.query('select max(id)::int as id from audit_log')).toEqual([{ id: 10 }]);

      await dataSource.undoLastMigration();
      await dataSource.undoLastMigration();
      const back = await dataSource.query(
        'select id, customer_version, action, subject_id, changes from customer_changes order by id',
      );
      expect(back).toEqual([
        {
          id: '7',
          customer_version: 1,
          action: 'REGISTERED',
          subject_id: null,
          changes: moved[0].changes.fields,
        },
        {
          id: '9',
          customer_version: 2,
          action: 'CONTACT_ADDED',
          subject_id: CONTACT,
          changes: moved[1].changes.fields,
        },
        { id: '10', customer_version: 3, action: 'UPDATED', subject_id: null, changes: [] },
      ]);
      expect(await dataSource.query('select count(*)::int as n from audit_log')).toEqual([{ n: 0 }]);
    });

    it('undoes everything, down to the pg_trgm extension', async () => {
      for (let i = 0; i < subgraphMigrations(subgraph).length - 1; i++) await dataSource.undoLastMigration();
      expect(await trigram()).toHaveLength(0);
    });
  });
});
