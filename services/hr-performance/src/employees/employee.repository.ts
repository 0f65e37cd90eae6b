import type { EmployeePosition, EmployeeStatus } from '@opsgraph/contracts-events';
import { In, QueryFailedError, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { EmployeeEntity } from './employee.entity';
import { formatEmployeeNumber } from './employee.rules';

/** The unique constraint a failed statement violated, if that is why it failed. */
function violatedUnique(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' ? driverError.constraint : undefined;
}

export interface EmployeeFilter {
  departmentId?: string | null;
  position?: EmployeePosition | null;
  status?: EmployeeStatus | null;
}

export type EmployeeChanges = Partial<
  Pick<EmployeeEntity, 'name' | 'position' | 'departmentId' | 'managerId' | 'status' | 'leftDate'>
>;

/** The only TypeORM access for employees. */
export class EmployeeRepository {
  findByIds(manager: EntityManager, ids: readonly string[]): Promise<EmployeeEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : manager.findBy(EmployeeEntity, { id: In([...ids]) });
  }

  findById(manager: EntityManager, id: string, lock = false): Promise<EmployeeEntity | null> {
    return manager.findOne(EmployeeEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** Up to `limit` employees in (employeeNumber, id) order after the keyset `after`, and the filter's total. */
  async page(
    manager: EntityManager,
    filter: EmployeeFilter,
    limit: number,
    after: readonly [string, string] | null,
  ): Promise<{ rows: EmployeeEntity[]; total: number }> {
    const filtered = (): SelectQueryBuilder<EmployeeEntity> => {
      const query = manager.createQueryBuilder(EmployeeEntity, 'e');
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
    return { rows, total };
  }

  async nextEmployeeNumber(manager: EntityManager): Promise<string> {
    const [{ seq }]: { seq: string }[] = await manager.query("select nextval('employee_number_seq') as seq");
    return formatEmployeeNumber(Number(seq));
  }

  async numberTaken(manager: EntityManager, employeeNumber: string): Promise<boolean> {
    return (
      (await manager.query('select 1 from employees where employee_number = $1', [employeeNumber])).length > 0
    );
  }

  /** `number-taken` when another employee got the number first (the unique constraint decides). */
  async insert(manager: EntityManager, employee: EmployeeEntity): Promise<'inserted' | 'number-taken'> {
    try {
      await manager.insert(EmployeeEntity, employee);
      return 'inserted';
    } catch (error) {
      if (violatedUnique(error) === 'employees_number_key') return 'number-taken';
      throw error;
    }
  }

  async update(
    manager: EntityManager,
    id: string,
    expectedVersion: number,
    changes: EmployeeChanges,
    updatedAt: Date,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(EmployeeEntity)
      .set({ ...changes, version: expectedVersion + 1, updatedAt })
      .where('id = :id and version = :expectedVersion', { id, expectedVersion })
      .execute();
    return result.affected === 1;
  }

  /** `managerId` and the line managers above them, nearest first (stops on a cycle). */
  async lineManagerChain(manager: EntityManager, managerId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
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
  async countCurrentReports(manager: EntityManager, managerId: string): Promise<number> {
    const [{ n }]: { n: number }[] = await manager.query(
      "select count(*)::int as n from employees where manager_id = $1 and status <> 'LEFT'",
      [managerId],
    );
    return n;
  }

  /**
   * Everyone above the employee: their line managers upwards, and the managers of their department and its
   * ancestor departments. Decides who may see the employee's KPI figures.
   */
  async managerChainOf(manager: EntityManager, employeeId: string): Promise<Set<string>> {
    const rows: { id: string }[] = await manager.query(
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
