import { In, QueryFailedError, type EntityManager } from 'typeorm';
import { DepartmentEntity } from './department.entity';

/** The unique constraint a failed statement violated, if that is why it failed. */
function violatedUnique(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' ? driverError.constraint : undefined;
}

export type DepartmentChanges = Partial<Pick<DepartmentEntity, 'code' | 'name' | 'parentId' | 'managerId'>>;

/** The only TypeORM access for departments. */
export class DepartmentRepository {
  findByIds(manager: EntityManager, ids: readonly string[]): Promise<DepartmentEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : manager.findBy(DepartmentEntity, { id: In([...ids]) });
  }

  /** With `lock`, the row stays locked until the transaction ends (serializes changes to one department). */
  findById(manager: EntityManager, id: string, lock = false): Promise<DepartmentEntity | null> {
    return manager.findOne(DepartmentEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  roots(manager: EntityManager): Promise<DepartmentEntity[]> {
    return manager
      .createQueryBuilder(DepartmentEntity, 'd')
      .where('d.parent_id is null')
      .orderBy('d.code')
      .getMany();
  }

  /** Children of each parent, ordered by code. */
  childrenOf(manager: EntityManager, parentIds: readonly string[]): Promise<DepartmentEntity[]> {
    if (parentIds.length === 0) return Promise.resolve([]);
    return manager
      .createQueryBuilder(DepartmentEntity, 'd')
      .where('d.parent_id in (:...parentIds)', { parentIds: [...parentIds] })
      .orderBy('d.code')
      .getMany();
  }

  /**
   * Every department's parent. An organisation has tens, at most a few hundred departments: reading the links
   * whole keeps the tree rules pure. Under `lock`, concurrent tree changes queue behind one another, so two moves
   * cannot together close a cycle that neither closes alone.
   */
  async parentLinks(manager: EntityManager, lock = false): Promise<Map<string, string | null>> {
    if (lock) await manager.query("select pg_advisory_xact_lock(hashtext('hr-performance:department-tree'))");
    const rows: { id: string; parent_id: string | null }[] = await manager.query(
      'select id, parent_id from departments',
    );
    return new Map(rows.map((row) => [row.id, row.parent_id]));
  }

  async codeTaken(manager: EntityManager, code: string, exceptId?: string): Promise<boolean> {
    const rows: unknown[] = await manager.query('select 1 from departments where code = $1 and id <> $2', [
      code,
      exceptId ?? '00000000-0000-0000-0000-000000000000',
    ]);
    return rows.length > 0;
  }

  /** `code-taken` when another department got the code first (the unique constraint decides). */
  async insert(manager: EntityManager, department: DepartmentEntity): Promise<'inserted' | 'code-taken'> {
    try {
      await manager.insert(DepartmentEntity, department);
      return 'inserted';
    } catch (error) {
      if (violatedUnique(error) === 'departments_code_key') return 'code-taken';
      throw error;
    }
  }

  /** Applies `changes` if the row is still at `expectedVersion` (`stale` when someone else changed it first). */
  async update(
    manager: EntityManager,
    id: string,
    expectedVersion: number,
    changes: DepartmentChanges,
    updatedAt: Date,
  ): Promise<'updated' | 'stale' | 'code-taken'> {
    try {
      const result = await manager
        .createQueryBuilder()
        .update(DepartmentEntity)
        .set({ ...changes, version: expectedVersion + 1, updatedAt })
        .where('id = :id and version = :expectedVersion', { id, expectedVersion })
        .execute();
      return result.affected === 1 ? 'updated' : 'stale';
    } catch (error) {
      if (violatedUnique(error) === 'departments_code_key') return 'code-taken';
      throw error;
    }
  }

  /** Departments the employee manages. */
  managedBy(manager: EntityManager, employeeId: string): Promise<DepartmentEntity[]> {
    return manager.findBy(DepartmentEntity, { managerId: employeeId });
  }

  /** Managers of the department and of each of its ancestors. */
  async managerChain(manager: EntityManager, departmentId: string): Promise<Set<string>> {
    const rows: { manager_id: string | null }[] = await manager.query(
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
