import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { plain, RecordTable, recordKind } from '../record-table';
import { AppraisalEntity, type AppraisalRecord } from './appraisal.entity';
import type { AppraisalStatus } from './appraisal.rules';

/** The only TypeORM access for appraisals. */
export class AppraisalRepository extends RecordTable<AppraisalRecord> {
  constructor(manager: EntityManager) {
    super(manager, AppraisalEntity);
  }

  /** The cycle's appraisals in employee-number order; `lock` holds their rows until the transaction ends. */
  async ofCycle(cycleId: string, status?: AppraisalStatus, lock = false): Promise<AppraisalRecord[]> {
    const rows = await this.manager.find(AppraisalEntity, {
      where: { cycleId, ...(status ? { status } : {}) },
      order: { employeeNumber: 'ASC' },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return rows.map(plain);
  }

  /** Every appraisal of the employees, newest period first. */
  async ofEmployees(employeeIds: readonly string[]): Promise<AppraisalRecord[]> {
    if (employeeIds.length === 0) return [];
    const rows = await this.manager.find(AppraisalEntity, {
      where: { employeeId: In([...employeeIds]) },
      order: { period: 'DESC', id: 'ASC' },
    });
    return rows.map(plain);
  }

  /** Appraisals that name `reviewerId` as a peer and still take peer reviews, oldest period first. */
  async awaitingPeerReviewBy(reviewerId: string): Promise<AppraisalRecord[]> {
    const rows: { id: string }[] = await this.manager.query(
      `select id from appraisals where $1 = any(peer_reviewer_ids)
       and status in ('OPEN', 'SELF_REVIEW', 'MANAGER_REVIEW') order by period, employee_number`,
      [reviewerId],
    );
    const byId = new Map((await this.findByIds(rows.map((row) => row.id))).map((row) => [row.id, row]));
    return rows.map((row) => byId.get(row.id) as AppraisalRecord);
  }

  /** Which of the employees already have an appraisal for `period`. */
  async appraisedIn(employeeIds: readonly string[], period: string): Promise<string[]> {
    if (employeeIds.length === 0) return [];
    const rows: { employee_id: string }[] = await this.manager.query(
      'select employee_id from appraisals where period = $1 and employee_id = any($2::uuid[])',
      [period, employeeIds],
    );
    return rows.map((row) => row.employee_id);
  }

  /** The published (or acknowledged) monthly appraisals of the employees in the months. */
  async publishedMonthly(
    employeeIds: readonly string[],
    months: readonly string[],
  ): Promise<AppraisalRecord[]> {
    if (employeeIds.length === 0) return [];
    const rows = await this.manager.find(AppraisalEntity, {
      where: {
        employeeId: In([...employeeIds]),
        period: In([...months]),
        kind: 'MONTHLY',
        status: In(['PUBLISHED', 'ACKNOWLEDGED']),
      },
    });
    return rows.map(plain);
  }

  /** Writes the fields a workflow step may change; the identity and the opening snapshot never change. */
  async update(appraisal: AppraisalRecord, expectedVersion: number): Promise<boolean> {
    const changed = Object.fromEntries(MUTABLE.map((field) => [field, appraisal[field]]));
    return this.updateAtVersion(appraisal, expectedVersion, changed);
  }
}

const MUTABLE = [
  'status',
  'selfReview',
  'managerReview',
  'peerReviewerIds',
  'peerReviews',
  'feedbackNotes',
  'improvementPlan',
  'scores',
  'grade',
  'bonusCoefficient',
  'deductionRate',
  'publishedAt',
  'acknowledgedAt',
  'version',
  'updatedAt',
] as const satisfies readonly (keyof AppraisalRecord)[];

export const APPRAISAL = recordKind('appraisal', 'Appraisal', (manager) => new AppraisalRepository(manager));
