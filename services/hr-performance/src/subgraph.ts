// The hr-performance subgraph, declared once: the kit builds the app, the SDL, the replay, the harness and the main.
import { defineSubgraph } from '@opsgraph/service-kit';
import { serviceDefaults } from '@opsgraph/services-manifest';
import { AppraisalCycleEntity } from './appraisal-cycles/appraisal-cycle.entity';
import {
  AppraisalCycleMutations,
  AppraisalCycleResolver,
  DepartmentAppraisalResolver,
} from './appraisal-cycles/appraisal-cycle.resolver';
import { AppraisalEntity } from './appraisals/appraisal.entity';
import {
  AppraisalMutations,
  AppraisalResolver,
  EmployeeAppraisalResolver,
  PeerReviewRequestResolver,
} from './appraisals/appraisal.resolver';
import { AwardEntity } from './awards/award.entity';
import { AwardMutations, EmployeeAwardResolver } from './awards/award.resolver';
import { hrPerformanceConfig } from './config';
import { TrainingPlanEntity } from './training-plans/training-plan.entity';
import { TrainingPlanMutations, TrainingPlanResolver } from './training-plans/training-plan.resolver';
import { TrainingSessionEntity } from './training-sessions/training-session.entity';
import {
  EmployeeTrainingResolver,
  TrainingSessionMutations,
  TrainingSessionResolver,
} from './training-sessions/training-session.resolver';
import { createHrPerformanceLoaders, createHrPerformanceServices } from './context';
import { DepartmentEntity } from './departments/department.entity';
import { departmentReference } from './departments/department.reference';
import { DepartmentMutations, DepartmentResolver } from './departments/department.resolver';
import { EmployeeEntity } from './employees/employee.entity';
import { employeeReference } from './employees/employee.reference';
import { EmployeeMutations, EmployeeResolver } from './employees/employee.resolver';
import { KpiDefinitionEntity } from './kpi-definitions/kpi-definition.entity';
import { KpiDefinitionResolver } from './kpi-definitions/kpi-definition.resolver';
import { monthFiguresProjection } from './kpi-snapshots/month-figures.projection';
import { hrPerformanceMigrations } from './migrations';
import { praiseProjection } from './praise/praise.projection';

export const subgraph = defineSubgraph({
  name: 'hr-performance',
  config: hrPerformanceConfig,
  defaults: serviceDefaults('hr-performance'),
  entities: [
    DepartmentEntity,
    EmployeeEntity,
    KpiDefinitionEntity,
    AppraisalCycleEntity,
    AppraisalEntity,
    TrainingPlanEntity,
    TrainingSessionEntity,
    AwardEntity,
  ],
  migrations: hrPerformanceMigrations,
  schema: {
    resolvers: [
      DepartmentResolver,
      DepartmentMutations,
      EmployeeResolver,
      EmployeeMutations,
      KpiDefinitionResolver,
      AppraisalCycleResolver,
      AppraisalCycleMutations,
      DepartmentAppraisalResolver,
      AppraisalResolver,
      AppraisalMutations,
      EmployeeAppraisalResolver,
      PeerReviewRequestResolver,
      TrainingPlanResolver,
      TrainingPlanMutations,
      TrainingSessionResolver,
      TrainingSessionMutations,
      EmployeeTrainingResolver,
      EmployeeAwardResolver,
      AwardMutations,
    ],
    references: { Employee: employeeReference, Department: departmentReference },
  },
  services: createHrPerformanceServices,
  context: ({ services }) => ({ loaders: createHrPerformanceLoaders(services) }),
  // The read models (KPI month snapshots, praise letters) are reached by SQL in their repositories, not entities.
  projections: (config) => [monthFiguresProjection(), praiseProjection(config.kpiTimeZone)],
});
