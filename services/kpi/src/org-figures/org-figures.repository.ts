// SQL of Employee.kpi's and Department.kpi's access rules: the manager chains of the directory (kpi_employees,
// kpi_departments). The figures are the subject's day cells (engine/cells.repository.ts).
import type { EntityManager } from 'typeorm';

export class OrgFiguresRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * The employee's managers: line managers upwards, and the managers of their department and its ancestors
   * (a cycle, which HR should never publish, ends the walk).
   */
  async managerChainOfEmployee(employeeId: string): Promise<Set<string>> {
    const rows: Array<{ id: string }> = await this.manager.query(
      `with recursive line(id, manager_id, depth) as (
         select employee_id, manager_id, 0 from kpi_employees where employee_id = $1
         union
         select e.employee_id, e.manager_id, line.depth + 1 from kpi_employees e join line on e.employee_id = line.manager_id
         where line.depth < 100
       ),
       departments_up(id, parent_id, manager_id) as (
         select d.department_id, d.parent_id, d.manager_id from kpi_departments d
           join kpi_employees e on e.department_id = d.department_id
         where e.employee_id = $1
         union
         select d.department_id, d.parent_id, d.manager_id from kpi_departments d
           join departments_up u on d.department_id = u.parent_id
       )
       select id::text from line where id <> $1
       union
       select manager_id::text from departments_up where manager_id is not null`,
      [employeeId],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** The managers of the department and of every department above it. */
  async managerChainOfDepartment(departmentId: string): Promise<Set<string>> {
    const rows: Array<{ id: string }> = await this.manager.query(
      `with recursive up(id, parent_id, manager_id) as (
         select department_id, parent_id, manager_id from kpi_departments where department_id = $1
         union
         select d.department_id, d.parent_id, d.manager_id from kpi_departments d join up on d.department_id = up.parent_id
       )
       select manager_id::text as id from up where manager_id is not null`,
      [departmentId],
    );
    return new Set(rows.map((row) => row.id));
  }
}
