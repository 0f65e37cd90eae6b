import { createGroupLoader, createLoader, type SubgraphContext } from '@opsgraph/graphql-kit';
import type { SubgraphKit } from '@opsgraph/service-kit';
import DataLoader from 'dataloader';
import type { HrPerformanceConfig } from './config';
import { AppraisalCycleService } from './appraisal-cycles/appraisal-cycle.service';
import type { AppraisalRecord, ScoreSnapshot } from './appraisals/appraisal.entity';
import { AppraisalService } from './appraisals/appraisal.service';
import { AwardService } from './awards/award.service';
import type { DepartmentRecord } from './departments/department.record';
import { TrainingPlanService } from './training-plans/training-plan.service';
import { TrainingSessionService } from './training-sessions/training-session.service';
import { DepartmentService } from './departments/department.service';
import type { EmployeeRecord } from './employees/employee.record';
import { EmployeeService } from './employees/employee.service';
import { KpiDefinitionService } from './kpi-definitions/kpi-definition.service';

export function createHrPerformanceServices(kit: SubgraphKit<HrPerformanceConfig>) {
  return {
    departments: new DepartmentService(kit),
    employees: new EmployeeService(kit),
    kpiDefinitions: new KpiDefinitionService(kit),
    appraisalCycles: new AppraisalCycleService(kit),
    appraisals: new AppraisalService(kit),
    trainingPlans: new TrainingPlanService(kit),
    trainingSessions: new TrainingSessionService(kit),
    awards: new AwardService(kit),
  };
}

export type HrPerformanceServices = ReturnType<typeof createHrPerformanceServices>;

/** Per-request DataLoaders: one query per kind of lookup, however many records a response holds. */
export interface HrPerformanceLoaders {
  department: DataLoader<string, DepartmentRecord | null>;
  employee: DataLoader<string, EmployeeRecord | null>;
  children: DataLoader<string, DepartmentRecord[]>;
  /** An appraisal's scores: the calibrated/frozen snapshot, else computed live from the KPI month snapshots. */
  appraisalScores: DataLoader<AppraisalRecord, ScoreSnapshot | null, string>;
}

export type HrPerformanceContext = SubgraphContext<{
  services: HrPerformanceServices;
  loaders: HrPerformanceLoaders;
}>;

export function createHrPerformanceLoaders(services: HrPerformanceServices): HrPerformanceLoaders {
  return {
    department: createLoader(
      (ids) => services.departments.findByIds(ids),
      (row) => row.id,
    ),
    employee: createLoader(
      (ids) => services.employees.findByIds(ids),
      (row) => row.id,
    ),
    children: createGroupLoader(
      (parentIds) => services.departments.childrenOf(parentIds),
      (child) => child.parentId ?? [],
    ),
    appraisalScores: new DataLoader<AppraisalRecord, ScoreSnapshot | null, string>(
      async (appraisals) => {
        const live = await services.appraisals.liveScores(appraisals.filter((a) => a.scores === null));
        return appraisals.map((appraisal) => appraisal.scores ?? live.get(appraisal.id) ?? null);
      },
      { cacheKeyFn: (appraisal) => `${appraisal.id}@${appraisal.version}` },
    ),
  };
}
