import { sqlMigration } from '@opsgraph/persistence';
import { CreateAuditLog1700000000100 } from '@opsgraph/service-kit';
import { SEEDED_KPI_WEIGHTS } from './1760000000001-CreateKpiDefinitions';

// Positions and statuses are spelled out (not imported from the domain) so that this migration stays what it was when
// it ran. The positions are the ones CreateKpiDefinitions seeds weights for, spelled out there in the same order.
const POSITIONS = SEEDED_KPI_WEIGHTS.map(([position]) => position);
const quoted = (values: string[]) => values.map((value) => `'${value}'`).join(', ');

export const CreateOrganisation1760000000000 = sqlMigration({
  name: 'CreateOrganisation1760000000000',
  up: [
    'create sequence employee_number_seq',
    `
      create table departments (
        id uuid primary key,
        code text not null constraint departments_code_key unique,
        name text not null,
        parent_id uuid null references departments (id),
        manager_id uuid null,
        version int not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint departments_not_own_parent check (parent_id <> id)
      )`,
    'create index departments_parent_idx on departments (parent_id)',
    `
      create table employees (
        id uuid primary key,
        employee_number text not null constraint employees_number_key unique,
        name text not null,
        position text not null constraint employees_position_check check (position in (${quoted(POSITIONS)})),
        department_id uuid not null references departments (id),
        manager_id uuid null references employees (id),
        hire_date date not null,
        left_date date null,
        status text not null constraint employees_status_check check (status in ('ACTIVE', 'ON_LEAVE', 'LEFT')),
        version int not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint employees_left_date_check check ((status = 'LEFT') = (left_date is not null)),
        constraint employees_left_after_hire check (left_date is null or left_date >= hire_date),
        constraint employees_not_own_manager check (manager_id <> id)
      )`,
    'alter table departments add constraint departments_manager_fk foreign key (manager_id) references employees (id)',
    'create index employees_department_idx on employees (department_id, employee_number)',
    'create index employees_position_idx on employees (position, employee_number)',
    'create index employees_status_idx on employees (status, employee_number)',
    'create index employees_manager_idx on employees (manager_id)',
    'create index departments_manager_idx on departments (manager_id)',
    // Who changed what in the organisation, with the values after the change: the kit's CreateAuditLog (create if not
    // exists), which runs first on a fresh database; these same statements only ever created it on databases from
    // before that migration.
    (runner) => new CreateAuditLog1700000000100().up(runner),
  ],
  down: [
    // audit_log stays: the kit's CreateAuditLog (which runs first on a fresh database) owns it and drops it.
    'alter table departments drop constraint departments_manager_fk',
    'drop table employees',
    'drop table departments',
    'drop sequence employee_number_seq',
  ],
});
