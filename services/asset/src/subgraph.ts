// The asset subgraph, declared once: `main.ts`, the tests, `nx run asset:sdl` and `:replay` start from here.
import type { SubgraphContext } from '@opsgraph/graphql-kit';
import { OutboxWriter } from '@opsgraph/messaging';
import { defineSubgraph } from '@opsgraph/service-kit';
import { serviceDefaults } from '@opsgraph/services-manifest';
import {
  assetLoaders,
  assetReferences,
  DepartmentAssetsResolver,
  EmployeeAssetsResolver,
  type AssetLoaders,
} from './assets/asset.reference';
import { AssetMutations, AssetResolver } from './assets/asset.resolver';
import { AssetService } from './assets/asset.service';
import { DepreciationResolver } from './depreciation/depreciation.resolver';
import { faultTicketsProjection } from './faults/fault-tickets.projection';
import { AssetFaultsResolver, FaultMutations, ReliabilityResolver } from './faults/fault.resolver';
import { FaultService } from './faults/fault.service';
import { ReliabilityService } from './faults/reliability.service';
import {
  AttachFaultTicketMutations,
  DismissFaultTicketMutations,
  UnmatchedFaultTicketsResolver,
} from './faults/unmatched-ticket.resolver';
import { UnmatchedTicketService } from './faults/unmatched-ticket.service';
import { assetConfig } from './config';
import { migrations } from './migrations';
import { AdviceService } from './advice/advice.service';
import { AssetAdviceResolver, PlanSuggestionResolver } from './advice/advice.resolver';
import {
  AssetMaintenanceResolver,
  MaintenancePlanMutations,
  MaintenanceRecordMutations,
} from './maintenance/maintenance.resolver';
import { attachFleetPlans, MaintenanceService } from './maintenance/maintenance.service';
import { MaintenanceOverdueScanner } from './maintenance/overdue.scanner';

export interface AssetServices {
  readonly assets: AssetService;
  readonly faults: FaultService;
  readonly unmatchedTickets: UnmatchedTicketService;
  readonly reliability: ReliabilityService;
  readonly maintenance: MaintenanceService;
  readonly advice: AdviceService;
}

export type AssetContext = SubgraphContext<{ services: AssetServices; loaders: AssetLoaders }>;

export const subgraph = defineSubgraph({
  name: 'asset',
  defaults: serviceDefaults('asset'),
  config: assetConfig,
  entities: [],
  migrations,
  schema: {
    resolvers: [
      AssetResolver,
      AssetMutations,
      EmployeeAssetsResolver,
      DepartmentAssetsResolver,
      AssetFaultsResolver,
      ReliabilityResolver,
      FaultMutations,
      UnmatchedFaultTicketsResolver,
      AttachFaultTicketMutations,
      DismissFaultTicketMutations,
      DepreciationResolver,
      AssetMaintenanceResolver,
      MaintenancePlanMutations,
      MaintenanceRecordMutations,
      AssetAdviceResolver,
      PlanSuggestionResolver,
    ],
    references: assetReferences,
  },
  services: ({ unitOfWork, dataSource, clock }): AssetServices => {
    const reliability = new ReliabilityService(dataSource);
    return {
      assets: new AssetService(unitOfWork, attachFleetPlans),
      faults: new FaultService(unitOfWork),
      unmatchedTickets: new UnmatchedTicketService(unitOfWork),
      reliability,
      maintenance: new MaintenanceService(unitOfWork),
      advice: new AdviceService(dataSource, reliability, clock),
    };
  },
  context: ({ dataSource }) => ({ loaders: assetLoaders(dataSource) }),
  jobs: ({ unitOfWork, config }) => {
    const scanner = new MaintenanceOverdueScanner(unitOfWork);
    return [
      {
        name: 'maintenance-overdue-scan',
        intervalMs: config.overdueScanIntervalMs,
        run: () => scanner.scanOnce(),
      },
    ];
  },
  projections: (config) => [
    faultTicketsProjection(new OutboxWriter({ namespace: config.kafkaTopicNamespace })),
  ],
});
