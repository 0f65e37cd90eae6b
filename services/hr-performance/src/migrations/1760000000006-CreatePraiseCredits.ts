import { sqlMigration } from '@opsgraph/persistence';

/** Praise letters (表揚) credited to employees, from the ticket topic (docs/product.md §HR-2 "Praise"). */
export const CreatePraiseCredits1760000000006 = sqlMigration({
  name: 'CreatePraiseCredits1760000000006',
  up: [
    `
      create table praise_credits (
        ticket_id uuid not null,
        employee_id uuid not null,
        month text not null,
        ticket_version int not null,
        primary key (ticket_id, employee_id)
      )`,
    'create index praise_credits_employee_month_idx on praise_credits (employee_id, month)',
  ],
  down: ['drop table praise_credits'],
});
