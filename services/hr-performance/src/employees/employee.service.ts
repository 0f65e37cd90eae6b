import {
  createEvent,
  EmployeeHired,
  EmployeeLeft,
  EmployeeTransferred,
  type EmployeePosition,
  type EmployeeSnapshot,
  type EmployeeStatus,
} from '@opsgraph/contracts-events';
import { BadUserInputError, InvalidTransitionError, NotFoundError } from '@opsgraph/graphql-kit';
import type { OutboxWriter } from '@opsgraph/messaging';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditEntry, AuditRepository } from '../audit/audit.repository';
import type { DepartmentEntity } from '../departments/department.entity';
import type { DepartmentRepository } from '../departments/department.repository';
import { eventFields, stale, type Actor } from '../request';
import { EmployeeEntity } from './employee.entity';
import type { EmployeeChanges, EmployeeFilter, EmployeeRepository } from './employee.repository';
import { canChangeStatus, EMPLOYEE_NUMBER, isEmployed, isIsoDate } from './employee.rules';

export interface HireEmployeeCommand {
  employeeNumber?: string | null;
  name: string;
  position: EmployeePosition;
  departmentId: string;
  /** Omitted: the department's manager. `null`: no line manager. */
  managerId?: string | null;
  hireDate: string;
}

export interface TransferEmployeeCommand {
  employeeId: string;
  expectedVersion: number;
  toDepartmentId: string;
  effectiveDate: string;
  position?: EmployeePosition | null;
  /** Omitted: the new department's manager. `null`: no line manager. */
  managerId?: string | null;
}

export interface UpdateEmployeeCommand {
  employeeId: string;
  expectedVersion: number;
  name?: string | null;
  position?: EmployeePosition | null;
  managerId?: string | null;
  status?: EmployeeStatus | null;
}

export interface RecordEmployeeLeftCommand {
  employeeId: string;
  expectedVersion: number;
  leftDate: string;
}

export function employeeSnapshot(employee: EmployeeEntity): EmployeeSnapshot {
  return {
    employeeId: employee.id,
    employeeNumber: employee.employeeNumber,
    name: employee.name,
    position: employee.position,
    departmentId: employee.departmentId,
    managerId: employee.managerId,
    hireDate: employee.hireDate,
    status: employee.status,
  };
}

/**
 * A manager must be an ACTIVE employee of the organisation, and (for an existing employee) neither the employee
 * themself nor someone who reports to them, directly or not.
 */
export async function assertEligibleManager(
  employees: EmployeeRepository,
  manager: EntityManager,
  managerId: string,
  field: string,
  forEmployeeId?: string,
): Promise<EmployeeEntity> {
  const candidate = await employees.findById(manager, managerId);
  if (!candidate) throw new BadUserInputError(`There is no employee ${managerId}`, field);
  if (candidate.status !== 'ACTIVE') {
    throw new BadUserInputError(
      `A manager must be an active employee; ${managerId} is ${candidate.status}`,
      field,
    );
  }
  if (forEmployeeId !== undefined) {
    if (managerId === forEmployeeId)
      throw new BadUserInputError('An employee cannot be their own manager', field);
    if ((await employees.lineManagerChain(manager, managerId)).includes(forEmployeeId)) {
      throw new BadUserInputError('The manager reports to this employee: that would be a cycle', field);
    }
  }
  return candidate;
}

export interface EmployeeServiceDeps {
  dataSource: DataSource;
  employees: EmployeeRepository;
  departments: DepartmentRepository;
  audit: AuditRepository;
  outbox: OutboxWriter;
  now?: () => Date;
}

/** Use-cases of employment: each one transaction with the state change, its audit entry and its event. */
export class EmployeeService {
  private readonly now: () => Date;

  constructor(private readonly deps: EmployeeServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  findByIds(ids: readonly string[]): Promise<EmployeeEntity[]> {
    return this.deps.employees.findByIds(this.deps.dataSource.manager, ids);
  }

  page(filter: EmployeeFilter, limit: number, after: readonly [string, string] | null) {
    return this.deps.employees.page(this.deps.dataSource.manager, filter, limit, after);
  }

  history(employeeId: string): Promise<AuditEntry[]> {
    return this.deps.audit.history(this.deps.dataSource.manager, 'employee', employeeId);
  }

  async hire(actor: Actor, command: HireEmployeeCommand): Promise<EmployeeEntity> {
    const name = checkName(command.name);
    checkDate(command.hireDate, 'input.hireDate');
    const requestedNumber = command.employeeNumber == null ? null : checkNumber(command.employeeNumber);
    return this.deps.dataSource.transaction(async (manager) => {
      const department = await this.department(manager, command.departmentId, 'input.departmentId');
      const id = randomUUID();
      const managerId = await this.managerFor(manager, command.managerId, department, 'input.managerId', id);
      if (requestedNumber !== null && (await this.deps.employees.numberTaken(manager, requestedNumber))) {
        throw numberTaken(requestedNumber);
      }
      const now = this.now();
      const employee = Object.assign(new EmployeeEntity(), {
        id,
        employeeNumber: requestedNumber ?? (await this.deps.employees.nextEmployeeNumber(manager)),
        name,
        position: command.position,
        departmentId: department.id,
        managerId,
        hireDate: command.hireDate,
        leftDate: null,
        status: 'ACTIVE' as const,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      if ((await this.deps.employees.insert(manager, employee)) === 'number-taken') {
        throw numberTaken(employee.employeeNumber);
      }
      await this.record(manager, actor, employee, 'HIRED', {});
      await this.deps.outbox.append(
        manager,
        createEvent(EmployeeHired, { ...eventFields(actor, employee), data: employeeSnapshot(employee) }),
      );
      return employee;
    });
  }

  async transfer(actor: Actor, command: TransferEmployeeCommand): Promise<EmployeeEntity> {
    checkDate(command.effectiveDate, 'input.effectiveDate');
    return this.deps.dataSource.transaction(async (manager) => {
      const current = await this.lockCurrent(manager, command.employeeId, command.expectedVersion);
      if (command.toDepartmentId === current.departmentId) {
        throw new BadUserInputError('The employee is already in that department', 'input.toDepartmentId');
      }
      if (command.effectiveDate < current.hireDate) {
        throw new BadUserInputError(
          'A transfer cannot take effect before the hire date',
          'input.effectiveDate',
        );
      }
      const department = await this.department(manager, command.toDepartmentId, 'input.toDepartmentId');
      const managerId = await this.managerFor(
        manager,
        command.managerId,
        department,
        'input.managerId',
        current.id,
      );
      const changes: EmployeeChanges = {
        departmentId: department.id,
        managerId,
        position: command.position ?? current.position,
      };
      const updated = await this.apply(manager, current, changes);
      await this.record(manager, actor, updated, 'TRANSFERRED', {
        fromDepartmentId: current.departmentId,
        effectiveDate: command.effectiveDate,
      });
      await this.deps.outbox.append(
        manager,
        createEvent(EmployeeTransferred, {
          ...eventFields(actor, updated),
          data: {
            ...employeeSnapshot(updated),
            fromDepartmentId: current.departmentId,
            toDepartmentId: department.id,
            effectiveDate: command.effectiveDate,
          },
        }),
      );
      return updated;
    });
  }

  /**
   * Name, position, line manager, ACTIVE ⇄ ON_LEAVE. The event contracts have no `employee.updated`, so these
   * changes are audited but not published (see README, "Decisions").
   */
  async update(actor: Actor, command: UpdateEmployeeCommand): Promise<EmployeeEntity> {
    const name = command.name == null ? undefined : checkName(command.name);
    if (command.status === 'LEFT') {
      throw new BadUserInputError('Record a departure with recordEmployeeLeft', 'input.status');
    }
    return this.deps.dataSource.transaction(async (manager) => {
      const current = await this.lockCurrent(manager, command.employeeId, command.expectedVersion);
      const changes: EmployeeChanges = {};
      if (name !== undefined && name !== current.name) changes.name = name;
      if (command.position != null && command.position !== current.position)
        changes.position = command.position;
      if (command.managerId !== undefined && command.managerId !== current.managerId) {
        if (command.managerId !== null) {
          await assertEligibleManager(
            this.deps.employees,
            manager,
            command.managerId,
            'input.managerId',
            current.id,
          );
        }
        changes.managerId = command.managerId;
      }
      if (command.status != null && command.status !== current.status) {
        if (!canChangeStatus(current.status, command.status)) {
          throw new InvalidTransitionError(
            `Cannot go from ${current.status} to ${command.status}`,
            current.status,
          );
        }
        changes.status = command.status;
      }
      if (Object.keys(changes).length === 0) return current;
      const updated = await this.apply(manager, current, changes);
      await this.record(manager, actor, updated, 'UPDATED', { changedFields: Object.keys(changes) });
      return updated;
    });
  }

  async recordLeft(actor: Actor, command: RecordEmployeeLeftCommand): Promise<EmployeeEntity> {
    checkDate(command.leftDate, 'input.leftDate');
    return this.deps.dataSource.transaction(async (manager) => {
      const current = await this.lockCurrent(manager, command.employeeId, command.expectedVersion);
      if (command.leftDate < current.hireDate) {
        throw new BadUserInputError('The leaving date cannot be before the hire date', 'input.leftDate');
      }
      const managed = await this.deps.departments.managedBy(manager, current.id);
      if (managed.length > 0) {
        const codes = managed.map((department) => department.code).join(', ');
        throw new BadUserInputError(
          `The employee still manages ${codes}: appoint another manager first`,
          'input.employeeId',
        );
      }
      const reports = await this.deps.employees.countCurrentReports(manager, current.id);
      if (reports > 0) {
        throw new BadUserInputError(
          `${reports} employee(s) still report to this employee: give them another manager first`,
          'input.employeeId',
        );
      }
      const updated = await this.apply(manager, current, { status: 'LEFT', leftDate: command.leftDate });
      await this.record(manager, actor, updated, 'LEFT', { leftDate: command.leftDate });
      await this.deps.outbox.append(
        manager,
        createEvent(EmployeeLeft, {
          ...eventFields(actor, updated),
          data: { ...employeeSnapshot(updated), leftDate: command.leftDate },
        }),
      );
      return updated;
    });
  }

  /** The employee row, locked, at the expected version and still employed. */
  private async lockCurrent(
    manager: EntityManager,
    id: string,
    expectedVersion: number,
  ): Promise<EmployeeEntity> {
    const current = await this.deps.employees.findById(manager, id, true);
    if (!current) throw new NotFoundError('Employee', id);
    if (current.version !== expectedVersion) throw stale(expectedVersion, current.version);
    if (!isEmployed(current.status)) {
      throw new InvalidTransitionError('The employee has left the organisation', current.status);
    }
    return current;
  }

  private async apply(manager: EntityManager, current: EmployeeEntity, changes: EmployeeChanges) {
    const updated = await this.deps.employees.update(
      manager,
      current.id,
      current.version,
      changes,
      this.now(),
    );
    // The row is locked by this transaction, so the version cannot have moved.
    if (!updated) throw stale(current.version, current.version + 1);
    return (await this.deps.employees.findById(manager, current.id)) as EmployeeEntity;
  }

  private async department(manager: EntityManager, id: string, field: string): Promise<DepartmentEntity> {
    const department = await this.deps.departments.findById(manager, id);
    if (!department) throw new BadUserInputError(`There is no department ${id}`, field);
    return department;
  }

  /** Explicit manager (validated), explicit null, or by default the department's manager when one can be. */
  private async managerFor(
    manager: EntityManager,
    requested: string | null | undefined,
    department: DepartmentEntity,
    field: string,
    employeeId: string,
  ): Promise<string | null> {
    if (requested === null) return null;
    if (requested !== undefined) {
      await assertEligibleManager(this.deps.employees, manager, requested, field, employeeId);
      return requested;
    }
    const fallback = department.managerId;
    if (fallback === null || fallback === employeeId) return null;
    const candidate = await this.deps.employees.findById(manager, fallback);
    if (candidate?.status !== 'ACTIVE') return null;
    const chain = await this.deps.employees.lineManagerChain(manager, fallback);
    return chain.includes(employeeId) ? null : fallback;
  }

  private record(
    manager: EntityManager,
    actor: Actor,
    employee: EmployeeEntity,
    action: string,
    extra: Record<string, unknown>,
  ): Promise<void> {
    return this.deps.audit.record(manager, actor, {
      aggregateType: 'employee',
      aggregateId: employee.id,
      aggregateVersion: employee.version,
      action,
      changes: { ...employeeSnapshot(employee), leftDate: employee.leftDate, ...extra },
    });
  }
}

function checkName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > 200)
    throw new BadUserInputError('A name has 1–200 characters', 'input.name');
  return name;
}

function checkDate(value: string, field: string): void {
  if (!isIsoDate(value)) throw new BadUserInputError('Expected a date YYYY-MM-DD', field);
}

function checkNumber(raw: string): string {
  const number = raw.trim().toUpperCase();
  if (!EMPLOYEE_NUMBER.test(number)) {
    throw new BadUserInputError('An employee number is 2–32 letters, digits or "-"', 'input.employeeNumber');
  }
  return number;
}

function numberTaken(number: string): BadUserInputError {
  return new BadUserInputError(`Another employee already has the number ${number}`, 'input.employeeNumber');
}
