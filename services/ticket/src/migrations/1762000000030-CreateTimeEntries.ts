import { sqlMigration } from '@opsgraph/persistence';

/**
 * Time entries (docs/product.md §12.7): worklogs per ticket by activity and employee. Withdrawn entries stay (deleted_at,
 * who and why) and count nowhere. Reports read by day, per ticket and per employee.
 */
export const CreateTimeEntries1762000000030 = sqlMigration({
  name: 'CreateTimeEntries1762000000030',
  up: [
    `
      create table time_entries (
        id uuid primary key,
        version int not null check (version >= 1),
        ticket_id uuid not null references tickets (id),
        employee_id uuid not null,
        employee_department_id uuid null,
        activity text not null check (activity in ('DIAGNOSIS', 'ON_SITE', 'REMOTE', 'TRAVEL')),
        minutes int not null check (minutes between 1 and 1440),
        worked_on date not null,
        started_at timestamptz null,
        note text null,
        logged_by text not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        deleted_at timestamptz null,
        deleted_by text null,
        delete_reason text null,
        check ((deleted_at is null) = (delete_reason is null))
      )`,
    'create index time_entries_ticket_idx on time_entries (ticket_id, worked_on desc, created_at desc, id desc)',
    'create index time_entries_day_idx on time_entries (worked_on) where deleted_at is null',
    'create index time_entries_employee_idx on time_entries (employee_id, worked_on) where deleted_at is null',
  ],
  down: ['drop table time_entries'],
});
