// The kpi subgraph, declared once: `main.ts`, the tests, `nx run kpi:sdl` and `:replay` start from here.
import type { SubgraphContext } from '@opsgraph/graphql-kit';
import { defineSubgraph } from '@opsgraph/service-kit';
import { AtRiskResolver } from './at-risk/at-risk.resolver';
import { SlaAtRiskScanner } from './at-risk/sla-at-risk.scanner';
import { kpiConfig } from './config';
import { customerTiersProjection } from './customers/customer-tiers.projection';
import { departmentTreeProjection } from './departments/department-tree.projection';
import { KpiDefinitionResolver } from './definitions/kpi-definition.resolver';
import { KpiDefinitionService } from './definitions/kpi-definition.service';
import { ticketKpiProjection } from './engine/ticket-kpi.projection';
import { KpiFiguresResolver } from './figures/kpi-figures.resolver';
import { KpiFiguresService } from './figures/kpi-figures.service';
import { migrations } from './migrations';
import { opsKpiProjection } from './operations/ops-kpi.projection';
import { employeeDirectoryProjection } from './org-figures/employee-directory.projection';
import {
  DepartmentKpiResolver,
  DepartmentReference,
  EmployeeKpiResolver,
  EmployeeReference,
} from './org-figures/org-figures.resolver';
import { OrgFiguresService } from './org-figures/org-figures.service';
import { Monitor } from './monitoring/monitor';
import { MonitoringResolver } from './monitoring/monitoring.resolver';
import { MonitoringService } from './monitoring/monitoring.service';
import { SnapshotPublisher } from './snapshots/snapshot.publisher';
import { TargetResolver } from './targets/target.resolver';
import { TargetService } from './targets/target.service';

export interface KpiServices {
  readonly figures: KpiFiguresService;
  readonly monitoring: MonitoringService;
  readonly targets: TargetService;
  readonly atRisk: SlaAtRiskScanner;
  readonly snapshots: SnapshotPublisher;
  readonly orgFigures: OrgFiguresService;
  readonly definitions: KpiDefinitionService;
}

export type KpiContext = SubgraphContext<{ services: KpiServices }>;

export const subgraph = defineSubgraph({
  name: 'kpi',
  config: kpiConfig,
  entities: [],
  migrations,
  schema: {
    resolvers: [
      KpiFiguresResolver,
      MonitoringResolver,
      TargetResolver,
      AtRiskResolver,
      EmployeeKpiResolver,
      DepartmentKpiResolver,
      KpiDefinitionResolver,
    ],
    // Reached only through _entities: the gateway asks for Employee.kpi / Department.kpi by key.
    orphanedTypes: [EmployeeReference, DepartmentReference],
  },
  services: ({ unitOfWork, clock, config }): KpiServices => ({
    atRisk: new SlaAtRiskScanner(unitOfWork, clock, config.atRiskShare),
    figures: new KpiFiguresService(unitOfWork.dataSource),
    monitoring: new MonitoringService(
      unitOfWork,
      new Monitor({ namespace: config.kafkaTopicNamespace, clock }),
    ),
    targets: new TargetService(unitOfWork),
    definitions: new KpiDefinitionService(unitOfWork),
    snapshots: new SnapshotPublisher(unitOfWork.dataSource, {
      namespace: config.kafkaTopicNamespace,
      timeZone: config.kpiTimeZone,
      clock,
    }),
    orgFigures: new OrgFiguresService({
      dataSource: unitOfWork.dataSource,
      clock,
      timeZone: config.kpiTimeZone,
    }),
  }),
  projections: (config) => [
    ticketKpiProjection(config),
    opsKpiProjection(config),
    departmentTreeProjection(),
    customerTiersProjection(config),
    employeeDirectoryProjection(),
  ],
  jobs: ({ config, services }) => [
    { name: 'sla-at-risk-scan', intervalMs: config.atRiskScanMs, run: () => services.atRisk.scanOnce() },
    {
      name: 'monitoring-recheck',
      intervalMs: config.alertRecheckMs,
      run: () => services.monitoring.recheckOpenAlerts(),
    },
    { name: 'kpi-snapshots', intervalMs: config.snapshotScanMs, run: () => services.snapshots.runOnce() },
  ],
});
