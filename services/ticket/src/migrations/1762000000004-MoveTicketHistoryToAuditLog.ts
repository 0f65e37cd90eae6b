import { sqlMigration } from '@opsgraph/persistence';
import { CREATE_TICKET_HISTORY } from './1762000000001-CreateTicketRecords';

/**
 * The ticket's audit trail joins the one audit table every service keeps (`audit_log`, created by the service kit's
 * migration): each ticket_history row becomes an audit line of aggregate `ticket`, its columns beyond the shared ones
 * (from_status, to_status, details) in `changes`. Lines keep their order and their time.
 */
export const MoveTicketHistoryToAuditLog1762000000004 = sqlMigration({
  name: 'MoveTicketHistoryToAuditLog1762000000004',
  up: [
    `
      insert into audit_log (aggregate_type, aggregate_id, aggregate_version, action, changes, actor_id, actor_role,
                             correlation_id, occurred_at)
      select 'ticket', ticket_id::text, ticket_version, action,
             jsonb_build_object('fromStatus', from_status, 'toStatus', to_status, 'details', details),
             actor_id, actor_role, null, occurred_at
        from ticket_history
       order by id`,
    'drop table ticket_history',
  ],
  down: [
    ...CREATE_TICKET_HISTORY,
    `
      insert into ticket_history (ticket_id, ticket_version, action, from_status, to_status, actor_id, actor_role,
                                  occurred_at, details)
      select t.id, a.aggregate_version, a.action, a.changes->>'fromStatus', a.changes->>'toStatus', a.actor_id,
             a.actor_role, a.occurred_at, coalesce(a.changes->'details', '{}'::jsonb)
        from audit_log a join tickets t on t.id::text = a.aggregate_id
       where a.aggregate_type = 'ticket'
       order by a.id`,
    `delete from audit_log where aggregate_type = 'ticket'`,
  ],
});
