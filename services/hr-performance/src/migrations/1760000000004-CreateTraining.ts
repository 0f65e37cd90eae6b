import { sqlMigration } from '@opsgraph/persistence';

/** Annual training plans per department and their sessions with the attendees (docs/product.md §HR-2). */
export const CreateTraining1760000000004 = sqlMigration({
  name: 'CreateTraining1760000000004',
  up: [
    `
      create table training_plans (
        id uuid primary key,
        department_id uuid not null references departments (id),
        year int not null,
        title text not null,
        goals jsonb not null,
        version int not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        constraint training_plans_department_year_key unique (department_id, year)
      )`,
    `
      create table training_sessions (
        id uuid primary key,
        plan_id uuid not null references training_plans (id),
        department_id uuid not null,
        title text not null,
        kind text not null check (kind in ('INTERNAL', 'EXTERNAL', 'ONLINE', 'PRACTICE')),
        starts_on date not null,
        ends_on date not null,
        trainer text null,
        capacity int not null check (capacity > 0),
        attendees jsonb not null default '[]',
        version int not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        check (ends_on >= starts_on)
      )`,
    'create index training_sessions_plan_idx on training_sessions (plan_id, starts_on)',
    // Employee.trainings: the sessions whose attendees contain the employee
    'create index training_sessions_attendees_idx on training_sessions using gin (attendees jsonb_path_ops)',
  ],
  down: ['drop table training_sessions', 'drop table training_plans'],
});
