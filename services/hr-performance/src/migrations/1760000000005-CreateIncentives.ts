import { sqlMigration } from '@opsgraph/persistence';

/** Pay grades on employees, and awards nominated and decided (docs/product.md §HR-2). */
export const CreateIncentives1760000000005 = sqlMigration({
  name: 'CreateIncentives1760000000005',
  up: [
    'alter table employees add column pay_grade int null check (pay_grade between 1 and 30)',
    `
      create table awards (
        id uuid primary key,
        employee_id uuid not null references employees (id),
        kind text not null,
        period text not null,
        reason text not null,
        status text not null check (status in ('NOMINATED', 'APPROVED', 'REJECTED')),
        nominated_by text null,
        decided_by text null,
        decision_note text null,
        version int not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        constraint awards_employee_kind_period_key unique (employee_id, kind, period)
      )`,
  ],
  down: ['drop table awards', 'alter table employees drop column pay_grade'],
});
