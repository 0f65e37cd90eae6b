import { sqlMigration } from '@opsgraph/persistence';

/** The department tree read from the department topic, for subtree KPIs (docs/product.md §KPI). */
export const CreateDepartmentTree1796300000005 = sqlMigration({
  name: 'CreateDepartmentTree1796300000005',
  up: [
    'create table kpi_departments (department_id uuid primary key, parent_id uuid, version int not null)',
    'create index kpi_departments_parent_idx on kpi_departments (parent_id)',
  ],
  down: ['drop table kpi_departments'],
});
