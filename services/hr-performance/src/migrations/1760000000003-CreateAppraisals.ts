import { sqlMigration } from '@opsgraph/persistence';

/**
 * Appraisal cycles and the appraisals of each employee in them (docs/product.md §HR-2). `scores` is the snapshot
 * taken at calibration and frozen by publication: nothing recomputes it from the KPI read model afterwards.
 */
export const CreateAppraisals1760000000003 = sqlMigration({
  name: 'CreateAppraisals1760000000003',
  up: [
    `
      create table appraisal_cycles (
        id uuid primary key,
        kind text not null check (kind in ('MONTHLY', 'QUARTERLY', 'ANNUAL')),
        period text not null,
        department_id uuid null references departments (id),
        self_review_due date not null,
        manager_review_due date not null,
        calibration_due date not null,
        publication_date date not null,
        grading jsonb not null,
        ability_weight int not null check (ability_weight between 0 and 100),
        version int not null,
        created_at timestamptz not null,
        updated_at timestamptz not null
      )`,
    // one cycle per period and scope; the centre-wide one (no department) counts as a scope of its own
    `create unique index appraisal_cycles_scope_key on appraisal_cycles
       (period, coalesce(department_id, '00000000-0000-0000-0000-000000000000'::uuid))`,
    `
      create table appraisals (
        id uuid primary key,
        cycle_id uuid not null references appraisal_cycles (id),
        employee_id uuid not null references employees (id),
        employee_number text not null,
        department_id uuid not null,
        reviewer_id uuid null,
        position text not null,
        period text not null,
        kind text not null,
        weights jsonb not null,
        ability_weight int not null,
        status text not null,
        self_review jsonb null,
        manager_review jsonb null,
        peer_reviewer_ids uuid[] not null default '{}',
        peer_reviews jsonb not null default '[]',
        feedback_notes jsonb not null default '[]',
        improvement_plan jsonb null,
        scores jsonb null,
        grade text null check (grade in ('S', 'A', 'B', 'C', 'D')),
        bonus_coefficient double precision null,
        deduction_rate double precision null,
        published_at timestamptz null,
        acknowledged_at timestamptz null,
        version int not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        constraint appraisals_employee_period_key unique (employee_id, period)
      )`,
    'create index appraisals_cycle_idx on appraisals (cycle_id, department_id)',
  ],
  down: ['drop table appraisals', 'drop table appraisal_cycles'],
});
