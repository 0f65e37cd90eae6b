import type { AppraisalEvent } from '@opsgraph/contracts-events';
import type { AppraisalRecord } from './appraisal.entity';

type AppraisalSnapshot = Omit<AppraisalEvent['data'], 'reason' | 'changedFields'>;

/** What the appraisal events carry: state and results, never review texts or peer reviewers. */
export function appraisalSnapshot(appraisal: AppraisalRecord): AppraisalSnapshot {
  return {
    appraisalId: appraisal.id,
    cycleId: appraisal.cycleId,
    employeeId: appraisal.employeeId,
    departmentId: appraisal.departmentId,
    period: appraisal.period,
    periodKind: appraisal.kind,
    status: appraisal.status,
    kpiScore: appraisal.scores?.kpiScore ?? null,
    customerScore: appraisal.scores?.customerScore ?? null,
    totalScore: appraisal.scores?.total ?? null,
    grade: appraisal.grade,
    bonusCoefficient: appraisal.bonusCoefficient,
    deductionRate: appraisal.deductionRate,
    publishedAt: appraisal.publishedAt ? appraisal.publishedAt.toISOString() : null,
  };
}
