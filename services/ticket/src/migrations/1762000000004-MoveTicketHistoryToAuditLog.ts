import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ticket's audit trail joins the one audit table every service keeps (`audit_log`, created by the service kit's
 * migration): each ticket_history row becomes an audit line of aggregate `ticket`, its columns beyond the shared ones
 * (from_status, to_status, details) in `changes`. Lines keep their order and their time.
 */
export class MoveTicketHistoryToAuditLog1762000000004 implements MigrationInterface {
  name = 'MoveTicketHistoryToAuditLog1762000000004';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      insert into audit_log (aggregate_type, aggregate_id, aggregate_version, action, changes, actor_id, actor_role,
                             correlation_id, occurred_at)
      select 'ticket', ticket_id::text, ticket_version, action,
             jsonb_build_object('fromStatus', from_status, 'toStatus', to_status, 'details', details),
             actor_id, actor_role, null, occurred_at
        from ticket_history
       order by id`);
    await runner.query('drop table ticket_history');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table ticket_history (
        id bigint generated always as identity primary key,
        ticket_id uuid not null references tickets (id) on delete cascade,
        ticket_version int not null,
        action text not null,
        from_status text null,
        to_status text not null,
        actor_id text null,
        actor_role text not null,
        occurred_at timestamptz not null,
        details jsonb not null default '{}'
      )`);
    await runner.query('create index ticket_history_ticket_idx on ticket_history (ticket_id, id)');
    await runner.query(`
      insert into ticket_history (ticket_id, ticket_version, action, from_status, to_status, actor_id, actor_role,
                                  occurred_at, details)
      select t.id, a.aggregate_version, a.action, a.changes->>'fromStatus', a.changes->>'toStatus', a.actor_id,
             a.actor_role, a.occurred_at, coalesce(a.changes->'details', '{}'::jsonb)
        from audit_log a join tickets t on t.id::text = a.aggregate_id
       where a.aggregate_type = 'ticket'
       order by a.id`);
    await runner.query(`delete from audit_log where aggregate_type = 'ticket'`);
  }
}
