import { sqlMigration } from '@opsgraph/persistence';

/** The due date whose passing was reported for a plan step (docs/product.md §11.8): once per step and due date. */
export const AddPlanStepOverdue1762000000010 = sqlMigration({
  name: 'AddPlanStepOverdue1762000000010',
  up: [
    'alter table ticket_plan_steps add column overdue_reported_for timestamptz null',
    'create index ticket_plan_steps_overdue on ticket_plan_steps (due_at) where done_at is null and due_at is not null',
  ],
  down: ['drop index ticket_plan_steps_overdue', 'alter table ticket_plan_steps drop column overdue_reported_for'],
});
