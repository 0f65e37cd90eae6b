import { ConflictError } from '@opsgraph/domain';
import type { EntityManager } from 'typeorm';
import { plain, RecordTable, recordKind } from '../record-table';
import { AwardEntity, type AwardRecord } from './award.entity';

/** The only TypeORM access for awards. */
export class AwardRepository extends RecordTable<AwardRecord> {
  constructor(manager: EntityManager) {
    super(manager, AwardEntity, {
      constraint: 'awards_employee_kind_period_key',
      taken: (award) =>
        new ConflictError(`The employee is already nominated for ${award.kind} in ${award.period}`, {
          field: 'input.kind',
        }),
    });
  }

  async ofEmployee(employeeId: string): Promise<AwardRecord[]> {
    const rows = await this.manager.find(AwardEntity, {
      where: { employeeId },
      order: { period: 'DESC', kind: 'ASC' },
    });
    return rows.map(plain);
  }

  async update(award: AwardRecord, expectedVersion: number): Promise<boolean> {
    const { status, decidedBy, decisionNote, version, updatedAt } = award;
    return this.updateAtVersion(award, expectedVersion, {
      status,
      decidedBy,
      decisionNote,
      version,
      updatedAt,
    });
  }
}

export const AWARD = recordKind('award', 'Award', (manager) => new AwardRepository(manager));
