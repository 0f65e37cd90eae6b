import { runMigrations } from '@opsgraph/persistence';
import { createTestDatabase, type TestDatabase } from '@opsgraph/testing';
import type { DataSource } from 'typeorm';
import { createTicketDataSource, migrations } from '../data-source';
import { ticketMigrations } from '.';

describe('ticket migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('ticket-migrations');
    dataSource = createTicketDataSource(database.url, 'ticket-migrations-test');
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const tables = async (): Promise<string[]> =>
    (
      await dataSource.query(`select tablename from pg_tables where schemaname = 'public' order by tablename`)
    ).map((row: { tablename: string }) => row.tablename);

  it('apply in order, seed the SLA policies, and revert completely with their down()', async () => {
    expect(await runMigrations(dataSource)).toHaveLength(migrations.length);
    expect(await tables()).toEqual([
      'complaint_details',
      'migrations',
      'outbox',
      'processed_events',
      'sla_policies',
      'suggestion_reviews',
      'ticket_history',
      'ticket_plan_steps',
      'ticket_progress',
      'ticket_surveys',
      'tickets',
    ]);
    const policies = await dataSource.query(
      'select priority, response_seconds, resolution_seconds from sla_policies order by priority',
    );
    expect(policies).toEqual([
      { priority: 'P1', response_seconds: 900, resolution_seconds: 14400 },
      { priority: 'P2', response_seconds: 3600, resolution_seconds: 28800 },
      { priority: 'P3', response_seconds: 14400, resolution_seconds: 86400 },
      { priority: 'P4', response_seconds: 28800, resolution_seconds: 259200 },
    ]);

    for (let i = 0; i < ticketMigrations.length; i++) await dataSource.undoLastMigration();
    expect(await tables()).toEqual(['migrations', 'outbox', 'processed_events']);
    const [{ n }] = await dataSource.query(
      `select count(*)::int as n from pg_class where relname = 'ticket_number_seq'`,
    );
    expect(n).toBe(0);

    expect(await runMigrations(dataSource)).toHaveLength(ticketMigrations.length);
  });

  it('enforce the rules a row must keep whatever writes it', async () => {
    const insert = (overrides: Record<string, string>) => {
      const values: Record<string, string> = {
        id: 'gen_random_uuid()',
        number: `'TCK-' || nextval('ticket_number_seq')`,
        kind: `'FAULT'`,
        category: `'OTHER'`,
        channel: `'WEB'`,
        subject: `'x'`,
        description: `'x'`,
        customer_id: 'gen_random_uuid()',
        urgency: `'LOW'`,
        impact: `'LOW'`,
        priority: `'P4'`,
        status: `'NEW'`,
        sla_started_at: 'now()',
        response_due_at: 'now()',
        resolution_due_at: 'now()',
        created_at: 'now()',
        updated_at: 'now()',
        version: '1',
        ...overrides,
      };
      return dataSource.query(
        `insert into tickets (${Object.keys(values).join(', ')}) values (${Object.values(values).join(', ')})`,
      );
    };
    await expect(insert({})).resolves.toBeDefined();
    await expect(insert({ category: 'null' })).rejects.toThrow(/tickets_category_only_for_faults/);
    await expect(insert({ status: `'DONE'` })).rejects.toThrow(/check constraint/);
    await expect(insert({ assignee_id: 'gen_random_uuid()' })).rejects.toThrow(
      /tickets_assignee_has_department/,
    );
    await expect(insert({ version: '0' })).rejects.toThrow(/check constraint/);
  });
});
