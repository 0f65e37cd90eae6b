import { AppraisalCalibrated, AppraisalOpened } from '@opsgraph/contracts-events';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  type FieldViolation,
  type KnownCaller,
} from '@opsgraph/domain';
import { draft, type UnitOfWork, type WriteContext } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DepartmentRepository } from '../departments/department.repository';
import { EmployeeRepository } from '../employees/employee.repository';
import { KpiDefinitionRepository } from '../kpi-definitions/kpi-definition.repository';
import { canSeeGradeDistribution } from '../appraisals/appraisal.access';
import type { AppraisalRecord } from '../appraisals/appraisal.entity';
import { APPRAISAL, AppraisalRepository } from '../appraisals/appraisal.repository';
import { currentScores } from '../appraisals/appraisal.scores';
import { appraisalSnapshot } from '../appraisals/appraisal.snapshot';
import {
  DEFAULT_SHARES,
  DEFAULT_THRESHOLDS,
  gradeByDistribution,
  gradeByThresholds,
  validateGradingPolicy,
  type Grade,
  type GradingPolicy,
} from '../appraisals/grading.rules';
import { DEFAULT_ABILITY_WEIGHT } from '../appraisals/scoring.rules';
import type { AppraisalCycleRecord } from './appraisal-cycle.entity';
import { APPRAISAL_CYCLE, AppraisalCycleRepository } from './appraisal-cycle.repository';
import { validateCycle, type CycleCalendar, type CycleKind } from './appraisal-cycle.rules';

export interface OpenAppraisalCycleCommand {
  kind: CycleKind;
  period: string;
  /** Omitted/null: centre-wide. */
  departmentId?: string | null;
  calendar: CycleCalendar;
  grading?: { [K in keyof GradingPolicy]?: GradingPolicy[K] | null } | null;
  abilityWeight?: number | null;
}

export interface CalibrateAppraisalCycleCommand {
  cycleId: string;
}

function refuse(violations: readonly FieldViolation[]): void {
  if (violations.length === 0) return;
  const [first] = violations;
  throw new BadUserInputError(first.message, first.field, [...violations]);
}

/** Opening and calibrating cycles: each one unit of work with the rows, their audit lines and events. */
export class AppraisalCycleService {
  constructor(private readonly kit: { dataSource: DataSource; unitOfWork: UnitOfWork }) {}

  findByIds(ids: readonly string[]): Promise<AppraisalCycleRecord[]> {
    return new AppraisalCycleRepository(this.kit.dataSource.manager).findByIds(ids);
  }

  list(period: string | null): Promise<AppraisalCycleRecord[]> {
    return new AppraisalCycleRepository(this.kit.dataSource.manager).list(period);
  }

  /** A department's grade distribution: its managers (and an ancestor's), HR, directors and analysts. */
  async assertMaySeeDistribution(caller: KnownCaller, departmentId: string): Promise<void> {
    const chain = await new DepartmentRepository(this.kit.dataSource.manager).managerChain(departmentId);
    if (!canSeeGradeDistribution(caller, chain)) {
      throw new ForbiddenError(
        'A department’s grade distribution is visible to its managers, HR, directors and analysts',
      );
    }
  }

  covering(departmentId: string, period: string): Promise<AppraisalCycleRecord | null> {
    return new AppraisalCycleRepository(this.kit.dataSource.manager).covering(departmentId, period);
  }

  /** Opens the cycle and an appraisal (OPEN) for every ACTIVE employee in its scope, with their weights. */
  async open(context: WriteContext, command: OpenAppraisalCycleCommand): Promise<AppraisalCycleRecord> {
    const grading: GradingPolicy = {
      mode: command.grading?.mode ?? 'THRESHOLDS',
      thresholds: command.grading?.thresholds ?? DEFAULT_THRESHOLDS,
      shares: command.grading?.shares ?? DEFAULT_SHARES,
    };
    const abilityWeight = command.abilityWeight ?? DEFAULT_ABILITY_WEIGHT;
    refuse([
      ...validateCycle(command.kind, command.period, command.calendar),
      ...validateGradingPolicy(grading),
      ...(Number.isInteger(abilityWeight) && abilityWeight >= 0 && abilityWeight <= 100
        ? []
        : [{ field: 'input.abilityWeight', message: 'a weight is a whole number from 0 to 100' }]),
    ]);
    return this.kit.unitOfWork.run(context, async (tx) => {
      const departmentId = command.departmentId ?? null;
      if (departmentId && !(await new DepartmentRepository(tx.manager).findById(departmentId))) {
        throw new BadUserInputError(`There is no department ${departmentId}`, 'input.departmentId');
      }
      const employees = (
        await new EmployeeRepository(tx.manager).page({ departmentId, status: 'ACTIVE' }, 100_000, null)
      ).rows;
      const appraised = await new AppraisalRepository(tx.manager).appraisedIn(
        employees.map((employee) => employee.id),
        command.period,
      );
      if (appraised.length > 0) {
        throw new ConflictError(
          `${appraised.length} employee(s) in this scope already have an appraisal for ${command.period}`,
          { field: 'input.period', employeeIds: appraised },
        );
      }
      const cycle: AppraisalCycleRecord = {
        id: randomUUID(),
        kind: command.kind,
        period: command.period,
        departmentId,
        ...command.calendar,
        grading,
        abilityWeight,
        version: 0,
        createdAt: tx.now,
        updatedAt: tx.now,
      };
      const saved = await tx.save(APPRAISAL_CYCLE, null, {
        after: cycle,
        action: 'OPENED',
        changes: {
          ...command.calendar,
          kind: cycle.kind,
          period: cycle.period,
          departmentId,
          grading,
          abilityWeight,
        },
      });
      const weights = new Map(
        (await new KpiDefinitionRepository(tx.manager).all()).map((row) => [row.position, row.weights]),
      );
      for (const employee of employees) {
        const appraisal: AppraisalRecord = {
          id: randomUUID(),
          cycleId: cycle.id,
          employeeId: employee.id,
          employeeNumber: employee.employeeNumber,
          departmentId: employee.departmentId,
          reviewerId: employee.managerId,
          position: employee.position,
          period: cycle.period,
          kind: cycle.kind,
          weights: weights.get(employee.position) as AppraisalRecord['weights'],
          abilityWeight,
          status: 'OPEN',
          selfReview: null,
          managerReview: null,
          peerReviewerIds: [],
          peerReviews: [],
          feedbackNotes: [],
          improvementPlan: null,
          scores: null,
          grade: null,
          bonusCoefficient: null,
          deductionRate: null,
          publishedAt: null,
          acknowledgedAt: null,
          version: 0,
          createdAt: tx.now,
          updatedAt: tx.now,
        };
        await tx.save(APPRAISAL, null, {
          after: appraisal,
          action: 'OPENED',
          events: [draft(AppraisalOpened, appraisalSnapshot(appraisal))],
          changes: { cycleId: cycle.id, weights: appraisal.weights, reviewerId: appraisal.reviewerId },
        });
      }
      return saved;
    });
  }

  /**
   * Snapshots the scores of every appraisal waiting in CALIBRATION from the KPI read model and the reviews, and
   * grades them by the cycle's policy (a forced distribution ranks each department's calibrated appraisals).
   * Running it again before publication refreshes the snapshot; published appraisals are never touched.
   */
  async calibrate(
    context: WriteContext,
    command: CalibrateAppraisalCycleCommand,
  ): Promise<AppraisalCycleRecord> {
    return this.kit.unitOfWork.run(context, async (tx) => {
      const cycle = await tx.load(APPRAISAL_CYCLE, command.cycleId);
      const waiting = await new AppraisalRepository(tx.manager).ofCycle(cycle.id, 'CALIBRATION', true);
      if (waiting.length === 0) {
        throw new BadUserInputError('No appraisal of the cycle waits for calibration', 'input.cycleId');
      }
      const scores = await currentScores(tx.manager, waiting, tx.now);
      const grades = gradesOf(cycle.grading, waiting, (appraisal) => scores.get(appraisal.id)?.total ?? null);
      for (const appraisal of waiting) {
        const after: AppraisalRecord = {
          ...appraisal,
          scores: scores.get(appraisal.id) ?? null,
          grade: grades.get(appraisal.id) ?? null,
          updatedAt: tx.now,
        };
        await tx.save(APPRAISAL, appraisal, {
          after,
          action: 'CALIBRATED',
          events: [draft(AppraisalCalibrated, appraisalSnapshot(after))],
          changes: { scores: after.scores, grade: after.grade, mode: cycle.grading.mode },
        });
      }
      return tx.save(APPRAISAL_CYCLE, cycle, {
        after: { ...cycle, updatedAt: tx.now },
        action: 'CALIBRATED',
        changes: { appraisals: waiting.length },
      });
    });
  }
}

/** Grades by the cycle's policy; an appraisal with nothing measured stays ungraded. */
function gradesOf(
  policy: GradingPolicy,
  appraisals: readonly AppraisalRecord[],
  totalOf: (appraisal: AppraisalRecord) => number | null,
): Map<string, Grade> {
  const graded = appraisals.filter((appraisal) => totalOf(appraisal) !== null);
  if (policy.mode === 'THRESHOLDS') {
    return new Map(
      graded.map((appraisal) => [
        appraisal.id,
        gradeByThresholds(totalOf(appraisal) as number, policy.thresholds),
      ]),
    );
  }
  const grades = new Map<string, Grade>();
  const departments = new Set(graded.map((appraisal) => appraisal.departmentId));
  for (const departmentId of departments) {
    const ranked = graded
      .filter((appraisal) => appraisal.departmentId === departmentId)
      .map((appraisal) => ({
        id: appraisal.id,
        total: totalOf(appraisal) as number,
        tieBreak: appraisal.employeeNumber,
      }));
    for (const [id, grade] of gradeByDistribution(ranked, policy.shares)) grades.set(id, grade);
  }
  return grades;
}
