import { sqlMigration } from '@opsgraph/persistence';

const KINDS = `'SERVICE_REQUEST', 'FAULT', 'CONSULTATION', 'COMPLAINT', 'SUGGESTION'`;

/** PRAISE tickets and the employees each is credited to (docs/product.md §11.7). */
export const AddPraise1762000000009 = sqlMigration({
  name: 'AddPraise1762000000009',
  up: [
    'alter table tickets drop constraint tickets_kind_check',
    `alter table tickets add constraint tickets_kind_check check (kind in (${KINDS}, 'PRAISE'))`,
    `
      create table praise_credits (
        ticket_id uuid not null references tickets (id),
        employee_id uuid not null,
        credited_at timestamptz not null,
        credited_by text null,
        primary key (ticket_id, employee_id)
      )`,
    'create index praise_credits_employee on praise_credits (employee_id)',
  ],
  down: [
    'drop table praise_credits',
    `delete from tickets where kind = 'PRAISE'`,
    'alter table tickets drop constraint tickets_kind_check',
    `alter table tickets add constraint tickets_kind_check check (kind in (${KINDS}))`,
  ],
});
