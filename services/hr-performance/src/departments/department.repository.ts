import { BadUserInputError } from '@opsgraph/domain';
import type { EntityManager } from 'typeorm';
import { plain, RecordTable, recordKind } from '../record-table';
import { DepartmentEntity } from './department.entity';
import type { DepartmentRecord } from './department.record';

/** The only TypeORM access for departments. */
export class DepartmentRepository extends RecordTable<DepartmentRecord> {
  constructor(manager: EntityManager) {
    // Another department got the code first: the unique constraint decides.
    super(manager, DepartmentEntity, {
      constraint: 'departments_code_key',
      taken: (department) => codeTaken(department.code),
    });
  }

  async roots(): Promise<DepartmentRecord[]> {
    const rows = await this.manager
      .createQueryBuilder(DepartmentEntity, 'd')
      .where('d.parent_id is null')
      .orderBy('d.code')
      .getMany();
    return rows.map(plain);
  }

  /** Children of each parent, ordered by code. */
  async childrenOf(parentIds: readonly string[]): Promise<DepartmentRecord[]> {
    if (parentIds.length === 0) return [];
    const rows = await this.manager
      .createQueryBuilder(DepartmentEntity, 'd')
      .where('d.parent_id in (:...parentIds)', { parentIds: [...parentIds] })
      .orderBy('d.code')
      .getMany();
    return rows.map(plain);
  }

  /**
   * Every department's parent. An organisation has tens, at most a few hundred departments: reading the links
   * whole keeps the tree rules pure. Under `lock`, concurrent tree changes queue behind one another, so two moves
   * cannot together close a cycle that neither closes alone.
   */
  async parentLinks(lock = false): Promise<Map<string, string | null>> {
    if (lock)
      await this.manager.query("select pg_advisory_xact_lock(hashtext('hr-performance:department-tree'))");
    const rows: { id: string; parent_id: string | null }[] = await this.manager.query(
      'select id, parent_id from departments',
    );
    return new Map(rows.map((row) => [row.id, row.parent_id]));
  }

  async codeTaken(code: string, exceptId?: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      'select 1 from departments where code = $1 and id <> $2',
      [code, exceptId ?? '00000000-0000-0000-0000-000000000000'],
    );
    return rows.length > 0;
  }

  /** Writes `department` if the row is still at `expectedVersion`; false when someone else changed it first. */
  update(department: DepartmentRecord, expectedVersion: number): Promise<boolean> {
    const { code, name, parentId, managerId, version, updatedAt } = department;
    return this.updateAtVersion(department, expectedVersion, {
      code,
      name,
      parentId,
      managerId,
      version,
      updatedAt,
    });
  }

  /** Departments the employee manages. */
  async managedBy(employeeId: string): Promise<DepartmentRecord[]> {
    return (await this.manager.findBy(DepartmentEntity, { managerId: employeeId })).map(plain);
  }

  /** Managers of the department and of each of its ancestors. */
  async managerChain(departmentId: string): Promise<Set<string>> {
    const rows: { manager_id: string | null }[] = await this.manager.query(
      `with recursive up as (
         select id, parent_id, manager_id from departments where id = $1
         union
         select d.id, d.parent_id, d.manager_id from departments d join up on d.id = up.parent_id
       )
       select manager_id from up where manager_id is not null`,
      [departmentId],
    );
    return new Set(rows.map((row) => row.manager_id as string));
  }
}

export function codeTaken(code: string): BadUserInputError {
  return new BadUserInputError(`Another department already has the code ${code}`, 'input.code');
}

/** Departments for the unit of work. */
export const DEPARTMENT = recordKind(
  'department',
  'Department',
  (manager) => new DepartmentRepository(manager),
);
