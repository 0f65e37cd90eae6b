import {
  createEvent,
  DepartmentCreated,
  DepartmentUpdated,
  type DepartmentSnapshot,
} from '@opsgraph/contracts-events';
import { BadUserInputError, NotFoundError } from '@opsgraph/graphql-kit';
import type { OutboxWriter } from '@opsgraph/messaging';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditRepository } from '../audit/audit.repository';
import { eventFields, stale, type Actor } from '../request';
import type { EmployeeRepository } from '../employees/employee.repository';
import { assertEligibleManager } from '../employees/employee.service';
import { DepartmentEntity } from './department.entity';
import type { DepartmentRepository } from './department.repository';
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

export function departmentSnapshot(department: DepartmentEntity): DepartmentSnapshot {
  return {
    departmentId: department.id,
    code: department.code,
    name: department.name,
    parentId: department.parentId,
    managerId: department.managerId,
  };
}

export interface DepartmentServiceDeps {
  dataSource: DataSource;
  departments: DepartmentRepository;
  employees: EmployeeRepository;
  audit: AuditRepository;
  outbox: OutboxWriter;
  now?: () => Date;
}

/** Use-cases of the department tree: each one transaction with the state change, its audit entry and its event. */
export class DepartmentService {
  private readonly now: () => Date;

  constructor(private readonly deps: DepartmentServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  findByIds(ids: readonly string[]): Promise<DepartmentEntity[]> {
    return this.deps.departments.findByIds(this.deps.dataSource.manager, ids);
  }

  roots(): Promise<DepartmentEntity[]> {
    return this.deps.departments.roots(this.deps.dataSource.manager);
  }

  childrenOf(parentIds: readonly string[]): Promise<DepartmentEntity[]> {
    return this.deps.departments.childrenOf(this.deps.dataSource.manager, parentIds);
  }

  async create(actor: Actor, command: CreateDepartmentCommand): Promise<DepartmentEntity> {
    const code = this.checkCode(command.code);
    const name = this.checkName(command.name);
    return this.deps.dataSource.transaction(async (manager) => {
      const parentId = command.parentId ?? null;
      if (parentId !== null && !(await this.deps.departments.findById(manager, parentId))) {
        throw new BadUserInputError(`There is no department ${parentId}`, 'input.parentId');
      }
      const managerId = command.managerId ?? null;
      if (managerId !== null)
        await assertEligibleManager(this.deps.employees, manager, managerId, 'input.managerId');
      if (await this.deps.departments.codeTaken(manager, code)) throw codeTaken(code);

      const now = this.now();
      const department = Object.assign(new DepartmentEntity(), {
        id: randomUUID(),
        code,
        name,
        parentId,
        managerId,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      if ((await this.deps.departments.insert(manager, department)) === 'code-taken') throw codeTaken(code);
      await this.record(manager, actor, department, 'CREATED', {});
      await this.deps.outbox.append(
        manager,
        createEvent(DepartmentCreated, {
          ...eventFields(actor, department),
          data: departmentSnapshot(department),
        }),
      );
      return department;
    });
  }

  async update(actor: Actor, command: UpdateDepartmentCommand): Promise<DepartmentEntity> {
    const code = command.code == null ? undefined : this.checkCode(command.code);
    const name = command.name == null ? undefined : this.checkName(command.name);
    return this.deps.dataSource.transaction(async (manager) => {
      const current = await this.deps.departments.findById(manager, command.id, true);
      if (!current) throw new NotFoundError('Department', command.id);
      if (current.version !== command.expectedVersion) throw stale(command.expectedVersion, current.version);

      const next: DepartmentFields = {
        code: code ?? current.code,
        name: name ?? current.name,
        parentId: command.parentId === undefined ? current.parentId : command.parentId,
        managerId: command.managerId === undefined ? current.managerId : command.managerId,
      };
      const changedFields = changedDepartmentFields(current, next);
      if (changedFields.length === 0) return current;

      if (changedFields.includes('parentId')) await this.checkParent(manager, current.id, next.parentId);
      if (changedFields.includes('managerId') && next.managerId !== null) {
        await assertEligibleManager(this.deps.employees, manager, next.managerId, 'input.managerId');
      }
      if (
        changedFields.includes('code') &&
        (await this.deps.departments.codeTaken(manager, next.code, current.id))
      ) {
        throw codeTaken(next.code);
      }

      const changes = Object.fromEntries(changedFields.map((field) => [field, next[field]]));
      const outcome = await this.deps.departments.update(
        manager,
        current.id,
        current.version,
        changes,
        this.now(),
      );
      if (outcome === 'code-taken') throw codeTaken(next.code);
      if (outcome === 'stale') throw stale(command.expectedVersion, current.version + 1);
      const updated = (await this.deps.departments.findById(manager, current.id)) as DepartmentEntity;
      await this.record(manager, actor, updated, 'UPDATED', { changedFields });
      await this.deps.outbox.append(
        manager,
        createEvent(DepartmentUpdated, {
          ...eventFields(actor, updated),
          data: { ...departmentSnapshot(updated), changedFields },
        }),
      );
      return updated;
    });
  }

  private async checkParent(manager: EntityManager, id: string, parentId: string | null): Promise<void> {
    if (parentId === null) return;
    const parents = await this.deps.departments.parentLinks(manager, true);
    if (!parents.has(parentId))
      throw new BadUserInputError(`There is no department ${parentId}`, 'input.parentId');
    if (wouldCreateCycle(id, parentId, parents)) {
      throw new BadUserInputError(
        'A department cannot be moved under itself or one of its own sub-departments',
        'input.parentId',
      );
    }
  }

  private checkCode(raw: string): string {
    const code = normalizeDepartmentCode(raw);
    if (!DEPARTMENT_CODE.test(code)) {
      throw new BadUserInputError(
        'A department code is 2–32 letters, digits, "-" or "_", starting with a letter',
        'input.code',
      );
    }
    return code;
  }

  private checkName(raw: string): string {
    const name = raw.trim();
    if (name.length === 0 || name.length > 200) {
      throw new BadUserInputError('A department name has 1–200 characters', 'input.name');
    }
    return name;
  }

  private record(
    manager: EntityManager,
    actor: Actor,
    department: DepartmentEntity,
    action: string,
    extra: Record<string, unknown>,
  ): Promise<void> {
    return this.deps.audit.record(manager, actor, {
      aggregateType: 'department',
      aggregateId: department.id,
      aggregateVersion: department.version,
      action,
      changes: { ...departmentSnapshot(department), ...extra },
    });
  }
}

function codeTaken(code: string): BadUserInputError {
  return new BadUserInputError(`Another department already has the code ${code}`, 'input.code');
}
