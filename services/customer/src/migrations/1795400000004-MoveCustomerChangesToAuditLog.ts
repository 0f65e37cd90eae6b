import { sqlMigration } from '@opsgraph/persistence';
import { CREATE_CUSTOMER_CHANGES } from './1795400000000-CreateCustomers';

/** After rows were inserted with their own ids: the identity continues after the largest. */
const syncIdentity = (table: string) =>
  `select setval(pg_get_serial_sequence('${table}', 'id'), coalesce((select max(id) from ${table}), 0) + 1, false)`;

// The customer's audit trail joins the one audit table shape (audit_log, created by the kit's migration, which
// runs first). customer_changes' own columns go into `changes`: { subjectId, fields: [{ field, from, to }] }.
// Ids are kept when audit_log is still empty, so changeHistory cursors handed out before stay valid.
export const MoveCustomerChangesToAuditLog1795400000004 = sqlMigration({
  name: 'MoveCustomerChangesToAuditLog1795400000004',
  up: [
    async (runner) => {
      const [{ empty }] = await runner.query('select not exists (select 1 from audit_log) as empty');
      await runner.query(`
      insert into audit_log (${empty ? 'id, ' : ''}aggregate_type, aggregate_id, aggregate_version, action, changes,
                             actor_id, actor_role, correlation_id, occurred_at)
      ${empty ? 'overriding system value' : ''}
      select ${empty ? 'id, ' : ''}'customer', customer_id::text, customer_version, action,
             jsonb_build_object('subjectId', subject_id, 'fields', changes),
             actor_id, actor_role, correlation_id, occurred_at
      from customer_changes order by id`);
    },
    syncIdentity('audit_log'),
    'drop table customer_changes',
  ],
  down: [
    ...CREATE_CUSTOMER_CHANGES,
    // Lines of customers deleted since cannot go back (the foreign key): audit_log has no such constraint.
    `
      insert into customer_changes (id, customer_id, customer_version, action, subject_id, changes, actor_id,
                                    actor_role, correlation_id, occurred_at)
      overriding system value
      select a.id, a.aggregate_id::uuid, a.aggregate_version, a.action, (a.changes ->> 'subjectId')::uuid,
             coalesce(a.changes -> 'fields', '[]'), a.actor_id, a.actor_role, a.correlation_id, a.occurred_at
      from audit_log a join customers c on c.id = a.aggregate_id::uuid
      where a.aggregate_type = 'customer' order by a.id`,
    syncIdentity('customer_changes'),
    `delete from audit_log where aggregate_type = 'customer'`,
  ],
});
