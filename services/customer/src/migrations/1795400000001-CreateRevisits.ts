import { sqlMigration } from '@opsgraph/persistence';

export const CreateRevisits1795400000001 = sqlMigration({
  name: 'CreateRevisits1795400000001',
  up: [
    `
      create table customer_revisits (
        id uuid primary key,
        customer_id uuid not null references customers (id) on delete cascade,
        purpose text not null,
        due_at timestamptz not null,
        assignee_employee_id uuid not null,
        ticket_id uuid null,
        status text not null check (status in ('SCHEDULED', 'COMPLETED', 'CANCELLED')),
        revisited_at timestamptz null,
        channel text null,
        outcome text null,
        satisfied boolean null,
        cancel_reason text null,
        scheduled_by text not null,
        recorded_by text null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version int not null check (version >= 1),
        constraint customer_revisits_outcome check (status <> 'COMPLETED' or (revisited_at is not null and outcome is not null))
      )`,
    // Overdue = scheduled and due before now: both indexes hold scheduled revisits only, in due order.
    `create index customer_revisits_due_idx on customer_revisits (due_at, id) where status = 'SCHEDULED'`,
    `create index customer_revisits_assignee_due_idx on customer_revisits (assignee_employee_id, due_at, id)
         where status = 'SCHEDULED'`,
    'create index customer_revisits_customer_idx on customer_revisits (customer_id, due_at desc, id desc)',
  ],
  down: ['drop table customer_revisits'],
});
