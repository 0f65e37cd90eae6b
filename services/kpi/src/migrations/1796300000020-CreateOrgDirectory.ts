import { sqlMigration } from '@opsgraph/persistence';

/**
 * Employee.kpi and Department.kpi (docs/product.md §KPI): who manages whom, from the employee and department
 * topics, for the access rules; and the ticket facts indexed by the fields those figures select on. Departments
 * recorded before this migration carry no manager, and facts folded before it no complaint blame nor lastEventAt,
 * until `nx run kpi:replay`.
 */
export const CreateOrgDirectory1796300000020 = sqlMigration({
  name: 'CreateOrgDirectory1796300000020',
  up: [
    'alter table kpi_departments add column manager_id uuid',
    `create table kpi_employees (
        employee_id uuid primary key, manager_id uuid, department_id uuid, version int not null
      )`,
    "create index kpi_ticket_facts_assignee_idx on kpi_ticket_facts ((fact->>'assigneeId'))",
    "create index kpi_ticket_facts_department_idx on kpi_ticket_facts ((fact->>'departmentId'))",
    "create index kpi_ticket_facts_blamed_employee_idx on kpi_ticket_facts ((fact->>'complaintEmployeeId'))",
    "create index kpi_ticket_facts_blamed_department_idx on kpi_ticket_facts ((fact->>'complaintDepartmentId'))",
  ],
  down: [
    'drop index kpi_ticket_facts_blamed_department_idx',
    'drop index kpi_ticket_facts_blamed_employee_idx',
    'drop index kpi_ticket_facts_department_idx',
    'drop index kpi_ticket_facts_assignee_idx',
    'drop table kpi_employees',
    'alter table kpi_departments drop column manager_id',
  ],
});
