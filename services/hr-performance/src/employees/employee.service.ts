import {
  EmployeeCareerMoved,
  EmployeeHired,
  EmployeeLeft,
  EmployeeTransferred,
  EmployeeUpdated,
  type EmployeePosition,
  type EmployeeStatus,
  type EMPLOYEE_UPDATABLE_FIELDS,
} from '@opsgraph/contracts-events';
import { BadUserInputError, InvalidTransitionError } from '@opsgraph/domain';
import {
  AuditLog,
  draft,
  type AuditEntry,
  type AggregateChange,
  type UnitOfWork,
  type WriteContext,
  type WriteTransaction,
} from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { DepartmentRecord } from '../departments/department.record';
import { DepartmentRepository } from '../departments/department.repository';
import { assertEligibleManager } from './employee.eligibility';
import { employeeSnapshot, type EmployeeRecord } from './employee.record';
import { EMPLOYEE, EmployeeRepository, numberTaken, type EmployeeFilter } from './employee.repository';
import { validateCareerMove, type CareerMove } from './career.rules';
import { canChangeStatus, EMPLOYEE_NUMBER, isEmployed, isIsoDate } from './employee.rules';

type EmployeeUpdatableField = (typeof EMPLOYEE_UPDATABLE_FIELDS)[number];

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

export interface RecordCareerMoveCommand {
  employeeId: string;
  expectedVersion: number;
  move: CareerMove;
  position?: EmployeePosition | null;
  departmentId?: string | null;
  payGrade?: number | null;
  effectiveDate: string;
  reason: string;
}

export interface RecordEmployeeLeftCommand {
  employeeId: string;
  expectedVersion: number;
  leftDate: string;
}

/** Use-cases of employment: each one unit of work with the state change, its audit line and its event. */
export class EmployeeService {
  constructor(private readonly kit: { dataSource: DataSource; unitOfWork: UnitOfWork }) {}

  private get reads(): EmployeeRepository {
    return new EmployeeRepository(this.kit.dataSource.manager);
  }

  findByIds(ids: readonly string[]): Promise<EmployeeRecord[]> {
    return this.reads.findByIds(ids);
  }

  page(filter: EmployeeFilter, limit: number, after: readonly [string, string] | null) {
    return this.reads.page(filter, limit, after);
  }

  /** The employment record's changes, oldest first, as the audit trail keeps them. */
  history(employeeId: string): Promise<AuditEntry[]> {
    return AuditLog.of(this.kit.dataSource.manager, 'employee', [employeeId]);
  }

  managerChainOf(employeeId: string): Promise<Set<string>> {
    return this.reads.managerChainOf(employeeId);
  }

  async hire(context: WriteContext, command: HireEmployeeCommand): Promise<EmployeeRecord> {
    const name = checkName(command.name);
    checkDate(command.hireDate, 'input.hireDate');
    const requestedNumber = command.employeeNumber == null ? null : checkNumber(command.employeeNumber);
    return this.kit.unitOfWork.run(context, async (tx) => {
      const employees = new EmployeeRepository(tx.manager);
      const department = await departmentOf(tx.manager, command.departmentId, 'input.departmentId');
      const id = randomUUID();
      const managerId = await managerFor(tx.manager, command.managerId, department, 'input.managerId', id);
      if (requestedNumber !== null && (await employees.numberTaken(requestedNumber))) {
        throw numberTaken(requestedNumber);
      }
      const employee: EmployeeRecord = {
        id,
        employeeNumber: requestedNumber ?? (await employees.nextEmployeeNumber()),
        name,
        position: command.position,
        departmentId: department.id,
        managerId,
        hireDate: command.hireDate,
        leftDate: null,
        status: 'ACTIVE',
        payGrade: null,
        version: 0,
        createdAt: tx.now,
        updatedAt: tx.now,
      };
      return tx.save(
        EMPLOYEE,
        null,
        change(employee, 'HIRED', {}, draft(EmployeeHired, employeeSnapshot(employee))),
      );
    });
  }

  async transfer(context: WriteContext, command: TransferEmployeeCommand): Promise<EmployeeRecord> {
    checkDate(command.effectiveDate, 'input.effectiveDate');
    return this.kit.unitOfWork.run(context, async (tx) => {
      const current = await loadEmployed(tx, command.employeeId, command.expectedVersion);
      if (command.toDepartmentId === current.departmentId) {
        throw new BadUserInputError('The employee is already in that department', 'input.toDepartmentId');
      }
      if (command.effectiveDate < current.hireDate) {
        throw new BadUserInputError(
          'A transfer cannot take effect before the hire date',
          'input.effectiveDate',
        );
      }
      const department = await departmentOf(tx.manager, command.toDepartmentId, 'input.toDepartmentId');
      const managerId = await managerFor(
        tx.manager,
        command.managerId,
        department,
        'input.managerId',
        current.id,
      );
      const after: EmployeeRecord = {
        ...current,
        departmentId: department.id,
        managerId,
        position: command.position ?? current.position,
        updatedAt: tx.now,
      };
      const moved = { fromDepartmentId: current.departmentId, effectiveDate: command.effectiveDate };
      const event = draft(EmployeeTransferred, {
        ...employeeSnapshot(after),
        fromDepartmentId: current.departmentId,
        toDepartmentId: department.id,
        effectiveDate: command.effectiveDate,
      });
      return tx.save(EMPLOYEE, current, change(after, 'TRANSFERRED', moved, event));
    });
  }

  /** Name, position, line manager, ACTIVE ⇄ ON_LEAVE: audited and published as `employee.updated`. */
  async update(context: WriteContext, command: UpdateEmployeeCommand): Promise<EmployeeRecord> {
    const name = command.name == null ? undefined : checkName(command.name);
    if (command.status === 'LEFT') {
      throw new BadUserInputError('Record a departure with recordEmployeeLeft', 'input.status');
    }
    return this.kit.unitOfWork.run(context, async (tx) => {
      const current = await loadEmployed(tx, command.employeeId, command.expectedVersion);
      const changes: { -readonly [K in EmployeeUpdatableField]?: EmployeeRecord[K] } = {};
      if (name !== undefined && name !== current.name) changes.name = name;
      if (command.position != null && command.position !== current.position)
        changes.position = command.position;
      if (command.managerId !== undefined && command.managerId !== current.managerId) {
        if (command.managerId !== null) {
          await assertEligibleManager(tx.manager, command.managerId, 'input.managerId', current.id);
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
      const after: EmployeeRecord = { ...current, ...changes, updatedAt: tx.now };
      const changedFields = Object.keys(changes) as EmployeeUpdatableField[];
      const event = draft(EmployeeUpdated, { ...employeeSnapshot(after), changedFields });
      return tx.save(EMPLOYEE, current, change(after, 'UPDATED', { changedFields }, event));
    });
  }

  /** A promotion, demotion, rotation or pay-grade change: audited with before and after, `employee.career_moved`. */
  async recordCareerMove(context: WriteContext, command: RecordCareerMoveCommand): Promise<EmployeeRecord> {
    checkDate(command.effectiveDate, 'input.effectiveDate');
    const reason = command.reason.trim();
    if (reason.length === 0) throw new BadUserInputError('Give the reason for the move', 'input.reason');
    return this.kit.unitOfWork.run(context, async (tx) => {
      const current = await loadEmployed(tx, command.employeeId, command.expectedVersion);
      const violations = validateCareerMove(current, command);
      if (violations.length > 0)
        throw new BadUserInputError(violations[0].message, violations[0].field, violations);
      if (command.effectiveDate < current.hireDate) {
        throw new BadUserInputError('A move cannot take effect before the hire date', 'input.effectiveDate');
      }
      let { departmentId, managerId } = current;
      if (command.move === 'ROTATION') {
        const department = await departmentOf(
          tx.manager,
          command.departmentId as string,
          'input.departmentId',
        );
        departmentId = department.id;
        managerId = await managerFor(tx.manager, undefined, department, 'input.departmentId', current.id);
      }
      const after: EmployeeRecord = {
        ...current,
        departmentId,
        managerId,
        position: command.position ?? current.position,
        payGrade: command.payGrade ?? current.payGrade,
        updatedAt: tx.now,
      };
      const moved = {
        move: command.move,
        fromPosition: current.position,
        fromDepartmentId: current.departmentId,
        fromPayGrade: current.payGrade,
        toPayGrade: after.payGrade,
        effectiveDate: command.effectiveDate,
        reason,
      };
      const event = draft(EmployeeCareerMoved, { ...employeeSnapshot(after), ...moved });
      return tx.save(EMPLOYEE, current, change(after, command.move, moved, event));
    });
  }

  async recordLeft(context: WriteContext, command: RecordEmployeeLeftCommand): Promise<EmployeeRecord> {
    checkDate(command.leftDate, 'input.leftDate');
    return this.kit.unitOfWork.run(context, async (tx) => {
      const current = await loadEmployed(tx, command.employeeId, command.expectedVersion);
      if (command.leftDate < current.hireDate) {
        throw new BadUserInputError('The leaving date cannot be before the hire date', 'input.leftDate');
      }
      const managed = await new DepartmentRepository(tx.manager).managedBy(current.id);
      if (managed.length > 0) {
        const codes = managed.map((department) => department.code).join(', ');
        throw new BadUserInputError(
          `The employee still manages ${codes}: appoint another manager first`,
          'input.employeeId',
        );
      }
      const reports = await new EmployeeRepository(tx.manager).countCurrentReports(current.id);
      if (reports > 0) {
        throw new BadUserInputError(
          `${reports} employee(s) still report to this employee: give them another manager first`,
          'input.employeeId',
        );
      }
      const after: EmployeeRecord = {
        ...current,
        status: 'LEFT',
        leftDate: command.leftDate,
        updatedAt: tx.now,
      };
      const event = draft(EmployeeLeft, { ...employeeSnapshot(after), leftDate: command.leftDate });
      return tx.save(EMPLOYEE, current, change(after, 'LEFT', { leftDate: command.leftDate }, event));
    });
  }
}

/** The audit line keeps the values after the change, and what the change was about. */
function change(
  after: EmployeeRecord,
  action: string,
  about: Record<string, unknown>,
  ...events: ReturnType<typeof draft>[]
): AggregateChange<EmployeeRecord> {
  return {
    after,
    action,
    events,
    changes: { ...employeeSnapshot(after), leftDate: after.leftDate, ...about },
  };
}

/** The employee row, locked, at the expected version and still employed. */
async function loadEmployed(
  tx: WriteTransaction,
  id: string,
  expectedVersion: number,
): Promise<EmployeeRecord> {
  const current = await tx.load(EMPLOYEE, id, expectedVersion);
  if (!isEmployed(current.status)) {
    throw new InvalidTransitionError('The employee has left the organisation', current.status);
  }
  return current;
}

async function departmentOf(manager: EntityManager, id: string, field: string): Promise<DepartmentRecord> {
  const department = await new DepartmentRepository(manager).findById(id);
  if (!department) throw new BadUserInputError(`There is no department ${id}`, field);
  return department;
}

/** Explicit manager (validated), explicit null, or by default the department's manager when one can be. */
async function managerFor(
  manager: EntityManager,
  requested: string | null | undefined,
  department: DepartmentRecord,
  field: string,
  employeeId: string,
): Promise<string | null> {
  if (requested === null) return null;
  if (requested !== undefined) {
    await assertEligibleManager(manager, requested, field, employeeId);
    return requested;
  }
  const fallback = department.managerId;
  if (fallback === null || fallback === employeeId) return null;
  const employees = new EmployeeRepository(manager);
  const candidate = await employees.findById(fallback);
  if (candidate?.status !== 'ACTIVE') return null;
  const chain = await employees.lineManagerChain(fallback);
  return chain.includes(employeeId) ? null : fallback;
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
