import type { EmployeePosition, EmployeeStatus } from '@opsgraph/contracts-events';
import { BadUserInputError } from '@opsgraph/domain';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { plain, RecordTable, recordKind } from '../record-table';
import { EmployeeEntity } from './employee.entity';
import type { EmployeeRecord } from './employee.record';
import { formatEmployeeNumber } from './employee.rules';

export interface EmployeeFilter {
  departmentId?: string | null;
  position?: EmployeePosition | null;
  status?: EmployeeStatus | null;
}

/** The only TypeORM access for employees. */
export class EmployeeRepository extends RecordTable<EmployeeRecord> {
  constructor(manager: EntityManager) {
    // Another employee got the number first: the unique constraint decides.
    super(manager, EmployeeEntity, {
      constraint: 'employees_number_key',
      taken: (employee) => numberTaken(employee.employeeNumber),
    });
  }

  /** Up to `limit` employees in (employeeNumber, id) order after the keyset `after`, and the filter's total. */
  async page(
    filter: EmployeeFilter,
    limit: number,
    after: readonly [string, string] | null,
  ): Promise<{ rows: EmployeeRecord[]; total: number }> {
    const filtered = (): SelectQueryBuilder<EmployeeEntity> => {
      const query = this.manager.createQueryBuilder(EmployeeEntity, 'e');
      if (filter.departmentId)
        query.andWhere('e.department_id = :departmentId', { departmentId: filter.departmentId });
      if (filter.position) query.andWhere('e.position = :position', { position: filter.position });
      if (filter.status) query.andWhere('e.status = :status', { status: filter.status });
      return query;
    };
    const page = filtered();
    if (after)
      page.andWhere('(e.employee_number, e.id) > (:number, :id)', { number: after[0], id: after[1] });
    const [rows, total] = await Promise.all([
      page.orderBy('e.employee_number').addOrderBy('e.id').limit(limit).getMany(),
      filtered().getCount(),
    ]);
    return { rows: rows.map(plain), total };
  }

  async nextEmployeeNumber(): Promise<string> {
    const [{ seq }]: { seq: string }[] = await this.manager.query(
      "select nextval('employee_number_seq') as seq",
    );
    return formatEmployeeNumber(Number(seq));
  }

  async numberTaken(employeeNumber: string): Promise<boolean> {
    return (
      (await this.manager.query('select 1 from employees where employee_number = $1', [employeeNumber]))
        .length > 0
    );
  }

  /** Writes `employee` if the row is still at `expectedVersion`; false when someone else changed it first. */
  async update(employee: EmployeeRecord, expectedVersion: number): Promise<boolean> {
    const { name, position, departmentId, managerId, status, leftDate, payGrade, version, updatedAt } =
      employee;
    return this.updateAtVersion(employee, expectedVersion, {
      name,
      position,
      departmentId,
      managerId,
      status,
      leftDate,
      payGrade,
      version,
      updatedAt,
    });
  }

  /** `managerId` and the line managers above them, nearest first (stops on a cycle). */
  async lineManagerChain(managerId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.manager.query(
      `with recursive up(id, manager_id, depth) as (
         select id, manager_id, 0 from employees where id = $1
         union
         select e.id, e.manager_id, up.depth + 1 from employees e join up on e.id = up.manager_id where up.depth < 100
       )
       select id from up order by depth`,
      [managerId],
    );
    return rows.map((row) => row.id);
  }

  /** Employees (not LEFT) whose line manager is `managerId`. */
  async countCurrentReports(managerId: string): Promise<number> {
    const [{ n }]: { n: number }[] = await this.manager.query(
      "select count(*)::int as n from employees where manager_id = $1 and status <> 'LEFT'",
      [managerId],
    );
    return n;
  }

  /**
   * Everyone above the employee: their line managers upwards, and the managers of their department and its
   * ancestor departments. Decides who may see the employee's KPI figures.
   */
  async managerChainOf(employeeId: string): Promise<Set<string>> {
    const rows: { id: string }[] = await this.manager.query(
      `with recursive line(id, manager_id, depth) as (
         select id, manager_id, 0 from employees where id = $1
         union
         select e.id, e.manager_id, line.depth + 1 from employees e join line on e.id = line.manager_id
         where line.depth < 100
       ),
       departments_up(id, parent_id, manager_id) as (
         select d.id, d.parent_id, d.manager_id from departments d join employees e on e.department_id = d.id
         where e.id = $1
         union
         select d.id, d.parent_id, d.manager_id from departments d join departments_up u on d.id = u.parent_id
       )
       select id from line where id <> $1
       union
       select manager_id from departments_up where manager_id is not null`,
      [employeeId],
    );
    return new Set(rows.map((row) => row.id));
  }
}

export function numberTaken(number: string): BadUserInputError {
  return new BadUserInputError(`Another employee already has the number ${number}`, 'input.employeeNumber');
}

/** Employees for the unit of work. */
export const EMPLOYEE = recordKind('employee', 'Employee', (manager) => new EmployeeRepository(manager));
