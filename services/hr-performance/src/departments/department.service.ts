import { DepartmentCreated, DepartmentUpdated } from '@opsgraph/contracts-events';
import { BadUserInputError } from '@opsgraph/domain';
import { draft, type UnitOfWork, type WriteContext, type WriteTransaction } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { assertEligibleManager } from '../employees/employee.eligibility';
import { departmentSnapshot, type DepartmentRecord } from './department.record';
import { codeTaken, DEPARTMENT, DepartmentRepository } from './department.repository';
import {
  changedDepartmentFields,
  DEPARTMENT_CODE,
  normalizeDepartmentCode,
  wouldCreateCycle,
  type DepartmentFields,
} from './department.rules';

export interface CreateDepartmentCommand {
  code: string;
  name: string;
  parentId?: string | null;
  managerId?: string | null;
}

/** `undefined`: unchanged; `null` (parentId, managerId): cleared. */
export interface UpdateDepartmentCommand {
  id: string;
  expectedVersion: number;
  code?: string | null;
  name?: string | null;
  parentId?: string | null;
  managerId?: string | null;
}

/** Use-cases of the department tree: each one unit of work with the state change, its audit line and its event. */
export class DepartmentService {
  constructor(private readonly kit: { dataSource: DataSource; unitOfWork: UnitOfWork }) {}

  private get reads(): DepartmentRepository {
    return new DepartmentRepository(this.kit.dataSource.manager);
  }

  findByIds(ids: readonly string[]): Promise<DepartmentRecord[]> {
    return this.reads.findByIds(ids);
  }

  roots(): Promise<DepartmentRecord[]> {
    return this.reads.roots();
  }

  childrenOf(parentIds: readonly string[]): Promise<DepartmentRecord[]> {
    return this.reads.childrenOf(parentIds);
  }

  async create(context: WriteContext, command: CreateDepartmentCommand): Promise<DepartmentRecord> {
    const code = checkCode(command.code);
    const name = checkName(command.name);
    return this.kit.unitOfWork.run(context, async (tx) => {
      const departments = new DepartmentRepository(tx.manager);
      const parentId = command.parentId ?? null;
      if (parentId !== null && !(await departments.findById(parentId))) {
        throw new BadUserInputError(`There is no department ${parentId}`, 'input.parentId');
      }
      const managerId = command.managerId ?? null;
      if (managerId !== null) await assertEligibleManager(tx.manager, managerId, 'input.managerId');
      if (await departments.codeTaken(code)) throw codeTaken(code);

      const department: DepartmentRecord = {
        id: randomUUID(),
        code,
        name,
        parentId,
        managerId,
        version: 0,
        createdAt: tx.now,
        updatedAt: tx.now,
      };
      return tx.save(DEPARTMENT, null, {
        after: department,
        action: 'CREATED',
        events: [draft(DepartmentCreated, departmentSnapshot(department))],
        changes: departmentSnapshot(department),
      });
    });
  }

  async update(context: WriteContext, command: UpdateDepartmentCommand): Promise<DepartmentRecord> {
    const code = command.code == null ? undefined : checkCode(command.code);
    const name = command.name == null ? undefined : checkName(command.name);
    return this.kit.unitOfWork.run(context, async (tx) => {
      const current = await tx.load(DEPARTMENT, command.id, command.expectedVersion);
      const next: DepartmentFields = {
        code: code ?? current.code,
        name: name ?? current.name,
        parentId: command.parentId === undefined ? current.parentId : command.parentId,
        managerId: command.managerId === undefined ? current.managerId : command.managerId,
      };
      const changedFields = changedDepartmentFields(current, next);
      if (changedFields.length === 0) return current;

      await this.checkChange(tx, current, next, changedFields);
      const after: DepartmentRecord = { ...current, ...next, updatedAt: tx.now };
      return tx.save(DEPARTMENT, current, {
        after,
        action: 'UPDATED',
        events: [draft(DepartmentUpdated, { ...departmentSnapshot(after), changedFields })],
        changes: { ...departmentSnapshot(after), changedFields },
      });
    });
  }

  private async checkChange(
    tx: WriteTransaction,
    current: DepartmentRecord,
    next: DepartmentFields,
    changedFields: readonly string[],
  ): Promise<void> {
    const departments = new DepartmentRepository(tx.manager);
    if (changedFields.includes('parentId') && next.parentId !== null) {
      const parents = await departments.parentLinks(true);
      if (!parents.has(next.parentId)) {
        throw new BadUserInputError(`There is no department ${next.parentId}`, 'input.parentId');
      }
      if (wouldCreateCycle(current.id, next.parentId, parents)) {
        throw new BadUserInputError(
          'A department cannot be moved under itself or one of its own sub-departments',
          'input.parentId',
        );
      }
    }
    if (changedFields.includes('managerId') && next.managerId !== null) {
      await assertEligibleManager(tx.manager, next.managerId, 'input.managerId');
    }
    if (changedFields.includes('code') && (await departments.codeTaken(next.code, current.id))) {
      throw codeTaken(next.code);
    }
  }
}

function checkCode(raw: string): string {
  const code = normalizeDepartmentCode(raw);
  if (!DEPARTMENT_CODE.test(code)) {
    throw new BadUserInputError(
      'A department code is 2–32 letters, digits, "-" or "_", starting with a letter',
      'input.code',
    );
  }
  return code;
}

function checkName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > 200) {
    throw new BadUserInputError('A department name has 1–200 characters', 'input.name');
  }
  return name;
}
