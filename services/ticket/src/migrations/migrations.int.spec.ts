import { runMigrations } from '@opsgraph/persistence';
import { createSubgraphDataSource } from '@opsgraph/service-kit';
import { migrationRoundTrip } from '@opsgraph/service-kit/testing';
import { createTestDatabase, type TestDatabase } from '@opsgraph/testing';
import type { DataSource } from 'typeorm';
import { subgraph } from '../subgraph';
import { MoveTicketHistoryToAuditLog1762000000004 } from './1762000000004-MoveTicketHistoryToAuditLog';

const TABLES = [
  'audit_log',
  'canned_replies',
  'complaint_cause_reports',
  'complaint_details',
  'corrective_actions',
  'improvements',
  'incident_fanout_holds',
  'knowledge_article_revisions',
  'knowledge_articles',
  'known_assets',
  'known_customers',
  'known_departments',
  'known_employees',
  'outbox',
  'personal_data_access_log',
  'praise_credits',
  'processed_events',
  'routing_rules',
  'sla_calendar_assignments',
  'sla_calendars',
  'sla_policies',
  'suggestion_reviews',
  'ticket_plan_steps',
  'ticket_progress',
  'ticket_relations',
  'ticket_solutions',
  'ticket_surveys',
  'tickets',
  'time_entries',
];

describe('ticket migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('ticket-migrations');
    dataSource = createSubgraphDataSource(subgraph, database.url, 'ticket-migrations-test');
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('go up, revert completely with their down(), and go up again', async () => {
    const result = await migrationRoundTrip(subgraph, 'ticket-migrations-round-trip');
    expect(result).toEqual({ tablesUp: TABLES, tablesDown: [], tablesUpAgain: TABLES });
  });

  it('move the ticket history into audit_log and back, in order and with every column', async () => {
    const ownMigrations = subgraph.migrations.length;
    // The move and the migrations added after it.
    const fromMove = ownMigrations - subgraph.migrations.indexOf(MoveTicketHistoryToAuditLog1762000000004);
    const undo = async (count: number) => {
      for (let i = 0; i < count; i++) await dataSource.undoLastMigration();
    };
    await runMigrations(dataSource);
    await undo(fromMove); // back before the move: ticket_history exists
    const ticket = '6f1c2b8e-3d4a-4b5c-9d6e-7f8091a2b3c4';
    await dataSource.query(
      `insert into tickets (id, number, kind, channel, subject, description, customer_id, urgency, impact, priority,
         status, sla_started_at, response_due_at, resolution_due_at, created_at, updated_at, version)
       values ($1, 'TCK-000001', 'SUGGESTION', 'WEB', 'x', 'x', gen_random_uuid(), 'LOW', 'LOW', 'P4', 'ASSIGNED',
         now(), now(), now(), now(), now(), 2)`,
      [ticket],
    );
    await dataSource.query(
      `insert into ticket_history (ticket_id, ticket_version, action, from_status, to_status, actor_id, actor_role,
         occurred_at, details)
       values ($1, 1, 'OPEN', null, 'NEW', 'u1', 'AGENT', '2025-03-03T09:00:00Z', '{"kind": "SUGGESTION"}'),
              ($1, 2, 'ASSIGN', 'NEW', 'ASSIGNED', null, 'system', '2025-03-03T10:00:00Z', '{}')`,
      [ticket],
    );
    const before = await dataSource.query(
      `select ticket_version, action, from_status, to_status, actor_id, actor_role, occurred_at, details
         from ticket_history order by id`,
    );

    expect(await runMigrations(dataSource)).toHaveLength(fromMove);
    expect(
      await dataSource.query(
        `select aggregate_type, aggregate_id, aggregate_version, action, changes, actor_id, actor_role,
                correlation_id, occurred_at from audit_log order by id`,
      ),
    ).toEqual([
      {
        aggregate_type: 'ticket',
        aggregate_id: ticket,
        aggregate_version: 1,
        action: 'OPEN',
        changes: { fromStatus: null, toStatus: 'NEW', details: { kind: 'SUGGESTION' } },
        actor_id: 'u1',
        actor_role: 'AGENT',
        correlation_id: null,
        occurred_at: new Date('2025-03-03T09:00:00Z'),
      },
      {
        aggregate_type: 'ticket',
        aggregate_id: ticket,
        aggregate_version: 2,
        action: 'ASSIGN',
        changes: { fromStatus: 'NEW', toStatus: 'ASSIGNED', details: {} },
        actor_id: null,
        actor_role: 'system',
        correlation_id: null,
        occurred_at: new Date('2025-03-03T10:00:00Z'),
      },
    ]);

    await undo(fromMove);
    expect(
      await dataSource.query(
        `select ticket_version, action, from_status, to_status, actor_id, actor_role, occurred_at, details
           from ticket_history order by id`,
      ),
    ).toEqual(before);
    expect(await dataSource.query('select count(*)::int as n from audit_log')).toEqual([{ n: 0 }]);

    // Down to nothing: no table, no sequence of the service is left.
    await undo(ownMigrations - fromMove);
    const [{ n }] = await dataSource.query(
      `select count(*)::int as n from pg_class where relname = 'ticket_number_seq'`,
    );
    expect(n).toBe(0);
    await runMigrations(dataSource);
  });

  it('seed the SLA policies', async () => {
    const policies = await dataSource.query(
      'select priority, response_seconds, resolution_seconds from sla_policies order by priority',
    );
    expect(policies).toEqual([
      { priority: 'P1', response_seconds: 900, resolution_seconds: 14400 },
      { priority: 'P2', response_seconds: 3600, resolution_seconds: 28800 },
      { priority: 'P3', response_seconds: 14400, resolution_seconds: 86400 },
      { priority: 'P4', response_seconds: 28800, resolution_seconds: 259200 },
    ]);
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
