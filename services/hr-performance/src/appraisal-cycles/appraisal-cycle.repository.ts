import { ConflictError } from '@opsgraph/domain';
import type { EntityManager } from 'typeorm';
import { plain, RecordTable, recordKind } from '../record-table';
import { AppraisalCycleEntity, type AppraisalCycleRecord } from './appraisal-cycle.entity';

/** The only TypeORM access for appraisal cycles. */
export class AppraisalCycleRepository extends RecordTable<AppraisalCycleRecord> {
  constructor(manager: EntityManager) {
    // Two HR users opening the same period and scope at once: the unique index decides.
    super(manager, AppraisalCycleEntity, {
      constraint: 'appraisal_cycles_scope_key',
      taken: (cycle) => scopeTaken(cycle.period),
    });
  }

  async list(period: string | null): Promise<AppraisalCycleRecord[]> {
    const rows = await this.manager.find(AppraisalCycleEntity, {
      where: period ? { period } : {},
      order: { period: 'DESC', createdAt: 'ASC' },
    });
    return rows.map(plain);
  }

  /** The department's own cycle of `period`, else the centre-wide one. */
  async covering(departmentId: string, period: string): Promise<AppraisalCycleRecord | null> {
    const rows: { id: string }[] = await this.manager.query(
      `select id from appraisal_cycles where period = $1 and (department_id = $2 or department_id is null)
       order by department_id nulls last limit 1`,
      [period, departmentId],
    );
    return rows.length === 0 ? null : this.findById(rows[0].id);
  }

  async update(cycle: AppraisalCycleRecord, expectedVersion: number): Promise<boolean> {
    const { version, updatedAt } = cycle;
    return this.updateAtVersion(cycle, expectedVersion, { version, updatedAt });
  }
}

export function scopeTaken(period: string): ConflictError {
  return new ConflictError(`An appraisal cycle for ${period} already covers this scope`, {
    field: 'input.period',
  });
}

export const APPRAISAL_CYCLE = recordKind(
  'appraisal_cycle',
  'AppraisalCycle',
  (manager) => new AppraisalCycleRepository(manager),
);
