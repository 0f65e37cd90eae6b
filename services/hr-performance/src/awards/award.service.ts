import { BadUserInputError, ForbiddenError, InvalidTransitionError } from '@opsgraph/domain';
import { AwardApproved, AwardNominated, AwardRejected } from '@opsgraph/contracts-events';
import { draft, type UnitOfWork, type WriteContext } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { EmployeeRepository } from '../employees/employee.repository';
import { isManagerOf, isSelfOrManager } from '../employees/employee.access';
import { permissions } from '../permissions';
import type { AwardRecord } from './award.entity';
import { AWARD, AwardRepository } from './award.repository';
import { canDecideAward, isAwardPeriod, type AwardKind } from './award.rules';

export interface NominateCommand {
  employeeId: string;
  kind: AwardKind;
  period: string;
  reason: string;
}

export interface DecideAwardCommand {
  awardId: string;
  expectedVersion: number;
  approve: boolean;
  note?: string | null;
}

const snapshotOf = (award: AwardRecord) => ({
  awardId: award.id,
  employeeId: award.employeeId,
  kind: award.kind,
  period: award.period,
  status: award.status,
  reason: award.reason,
  decisionNote: award.decisionNote,
});

/** Nominations by the employee's managers or HR; decisions by HR and the director; audited and published. */
export class AwardService {
  constructor(private readonly kit: { dataSource: DataSource; unitOfWork: UnitOfWork }) {}

  /** The employee's awards: themself, their managers, and the maintainers of the organisation. */
  async ofEmployee(
    caller: Parameters<typeof isSelfOrManager>[0],
    employeeId: string,
  ): Promise<AwardRecord[]> {
    if (!permissions.can(caller, 'MAINTAIN_ORGANISATION')) {
      const chain = await new EmployeeRepository(this.kit.dataSource.manager).managerChainOf(employeeId);
      if (!isSelfOrManager(caller, employeeId, chain)) {
        throw new ForbiddenError('Awards under decision are visible to the employee, their managers and HR');
      }
    }
    return new AwardRepository(this.kit.dataSource.manager).ofEmployee(employeeId);
  }

  async nominate(context: WriteContext, command: NominateCommand): Promise<AwardRecord> {
    if (!isAwardPeriod(command.period)) {
      throw new BadUserInputError('A period is YYYY, YYYY-Qn or YYYY-MM', 'input.period');
    }
    const reason = command.reason.trim();
    if (reason.length === 0) throw new BadUserInputError('Say why the employee is nominated', 'input.reason');
    return this.kit.unitOfWork.run(context, async (tx) => {
      const employees = new EmployeeRepository(tx.manager);
      const [employee] = await employees.findByIds([command.employeeId]);
      if (employee?.status !== 'ACTIVE') {
        throw new BadUserInputError(`There is no active employee ${command.employeeId}`, 'input.employeeId');
      }
      const caller = context.caller;
      const allowed =
        caller !== null &&
        (permissions.can(caller, 'MAINTAIN_ORGANISATION') ||
          isManagerOf(caller, await employees.managerChainOf(employee.id)));
      if (!allowed) throw new ForbiddenError('Only the employee’s managers or HR nominate for an award');
      const award: AwardRecord = {
        id: randomUUID(),
        employeeId: employee.id,
        kind: command.kind,
        period: command.period,
        reason,
        status: 'NOMINATED',
        nominatedBy: tx.actor.id,
        decidedBy: null,
        decisionNote: null,
        version: 0,
        createdAt: tx.now,
        updatedAt: tx.now,
      };
      return tx.save(AWARD, null, {
        after: award,
        action: 'NOMINATED',
        events: [draft(AwardNominated, snapshotOf(award))],
        changes: { ...award },
      });
    });
  }

  async decide(context: WriteContext, command: DecideAwardCommand): Promise<AwardRecord> {
    return this.kit.unitOfWork.run(context, async (tx) => {
      const current = await tx.load(AWARD, command.awardId, command.expectedVersion);
      if (!canDecideAward(current.status)) {
        throw new InvalidTransitionError(`The award is already ${current.status}`, current.status);
      }
      const after: AwardRecord = {
        ...current,
        status: command.approve ? 'APPROVED' : 'REJECTED',
        decidedBy: tx.actor.id,
        decisionNote: command.note?.trim() || null,
        updatedAt: tx.now,
      };
      return tx.save(AWARD, current, {
        after,
        action: after.status,
        events: [draft(command.approve ? AwardApproved : AwardRejected, snapshotOf(after))],
        changes: { status: after.status, note: after.decisionNote },
      });
    });
  }
}
