// Who manages whom, from the employee topic: each employee's line manager and department, so that Employee.kpi can
// tell the employee's managers (org-figures/kpi-access.rules.ts). Each event carries the employee after it; the
// highest aggregate version wins, so duplicates and out-of-order delivery leave the same directory.
import { employeeEventDefinitions, type EmployeeEvent } from '@opsgraph/contracts-events';
import { defineProjection, type Projection } from '@opsgraph/service-kit';
import type { EntityManager } from 'typeorm';

export const EMPLOYEE_DIRECTORY_TABLES = ['kpi_employees'];

export async function recordEmployee(event: EmployeeEvent, manager: EntityManager): Promise<void> {
  await manager.query(
    `insert into kpi_employees (employee_id, manager_id, department_id, version) values ($1, $2, $3, $4)
     on conflict (employee_id) do update set manager_id = excluded.manager_id,
       department_id = excluded.department_id, version = excluded.version
     where kpi_employees.version < excluded.version`,
    [event.data.employeeId, event.data.managerId, event.data.departmentId, event.aggregateVersion],
  );
}

export function employeeDirectoryProjection(): Projection {
  return defineProjection({
    name: 'employee-directory',
    topics: ['employee'],
    handles: employeeEventDefinitions.map((definition) => definition.type),
    handle: recordEmployee,
    tables: EMPLOYEE_DIRECTORY_TABLES,
  });
}
