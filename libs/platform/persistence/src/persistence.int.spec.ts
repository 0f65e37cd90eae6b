import { createTestDatabase, type TestDatabase } from '@opsgraph/testing';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { createDataSource } from './data-source';
import { platformMigrations } from './migrations';
import { runMigrations } from './run-migrations';

// Long enough that two runners overlap: without the lock both would find it pending.
class SlowServiceMigration1800000000000 implements MigrationInterface {
  name = 'SlowServiceMigration1800000000000';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('select pg_sleep(0.5)');
    await runner.query('create table service_thing (id uuid primary key)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table service_thing');
  }
}

const migrations = [...platformMigrations, SlowServiceMigration1800000000000];

describe('persistence', () => {
  let database: TestDatabase;
  const sources: DataSource[] = [];
  const open = async (applicationName: string): Promise<DataSource> => {
    const source = createDataSource({ url: database.url, applicationName, migrations, poolSize: 2 });
    await source.initialize();
    sources.push(source);
    return source;
  };

  beforeAll(async () => {
    database = await createTestDatabase('persistence');
  });
  afterAll(async () => {
    for (const source of sources) if (source.isInitialized) await source.destroy();
    await database.drop();
  });

  it('creates a DataSource that never synchronizes and sets the session limits', async () => {
    const source = await open('persistence-test');
    expect(source.options.synchronize).toBe(false);
    expect(source.options.migrationsRun).toBe(false);
    const [{ statement_timeout }] = await source.query('show statement_timeout');
    expect(statement_timeout).toBe('15s');
    const [{ application_name }] = await source.query(
      'select application_name from pg_stat_activity where pid = pg_backend_pid()',
    );
    expect(application_name).toBe('persistence-test');
  });

  it('applies each migration exactly once when two replicas migrate at the same time', async () => {
    const [a, b] = await Promise.all([open('replica-a'), open('replica-b')]);
    const [appliedA, appliedB] = await Promise.all([runMigrations(a), runMigrations(b)]);

    const all = [...appliedA, ...appliedB].sort();
    expect(all).toEqual(migrations.map((migration) => new migration().name).sort());
    // The lock serializes them: one replica applies everything, the other finds nothing pending.
    expect([appliedA.length, appliedB.length].sort()).toEqual([0, migrations.length]);
    const rows: { name: string; n: string }[] = await a.query(
      'select name, count(*) as n from migrations group by name order by name',
    );
    expect(rows.every((row) => row.n === '1')).toBe(true);
    expect(rows).toHaveLength(migrations.length);
    expect(await runMigrations(a)).toEqual([]);
    // The session's statement timeout is back to the application's after migrating.
    const [{ statement_timeout }] = await a.query('show statement_timeout');
    expect(statement_timeout).toBe('15s');
  });

  it('creates the outbox with its partial indexes and the inbox with its key', async () => {
    const source = sources[0];
    const indexes: { indexdef: string }[] = await source.query(
      "select indexdef from pg_indexes where tablename = 'outbox' and indexname = 'outbox_unpublished_idx'",
    );
    expect(indexes[0].indexdef).toMatch(/WHERE \(published_at IS NULL\)/);
    const retentionIndexes: { indexname: string; indexdef: string }[] = await source.query(
      `select indexname, indexdef from pg_indexes
        where indexname in ('outbox_published_at_idx', 'processed_events_processed_at_idx') order by indexname`,
    );
    expect(retentionIndexes.map((index) => index.indexname)).toEqual([
      'outbox_published_at_idx',
      'processed_events_processed_at_idx',
    ]);
    expect(retentionIndexes[0].indexdef).toMatch(/\(published_at\) WHERE \(published_at IS NOT NULL\)/);
    const eventId = '0b7a3c1e-2d4f-4a6b-8c9d-1e2f3a4b5c6d';
    await source.query(
      `insert into outbox (event_id, topic, aggregate_type, aggregate_id, aggregate_version, event_type, payload, headers)
       values ($1, 't', 'ticket', $1, 1, 'ticket.opened', '{}', '{}')`,
      [eventId],
    );
    await expect(
      source.query(
        `insert into outbox (event_id, topic, aggregate_type, aggregate_id, aggregate_version, event_type, payload, headers)
         values ($1, 't', 'ticket', $1, 2, 'ticket.opened', '{}', '{}')`,
        [eventId],
      ),
    ).rejects.toThrow(/duplicate key/);
    const [row] = await source.query('select id, created_at, published_at from outbox');
    expect(row.published_at).toBeNull();
    expect(row.created_at).toBeInstanceOf(Date);

    const insert =
      'insert into processed_events (consumer, event_id) values ($1, $2) on conflict do nothing returning event_id';
    expect(await source.query(insert, ['kpi', eventId])).toHaveLength(1);
    expect(await source.query(insert, ['kpi', eventId])).toHaveLength(0);
    expect(await source.query(insert, ['other', eventId])).toHaveLength(1);
  });

  it('reverts every migration with its down()', async () => {
    const source = sources[0];
    for (let i = 0; i < migrations.length; i++) await source.undoLastMigration();
    const [{ n }] = await source.query(
      "select count(*)::int as n from pg_tables where tablename in ('outbox', 'processed_events', 'service_thing')",
    );
    expect(n).toBe(0);
    expect(await runMigrations(source)).toHaveLength(migrations.length);
  });
});
