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
import { migrations } from './migrations';

export interface AssetServices {
  readonly assets: AssetService;
  readonly faults: FaultService;
  readonly reliability: ReliabilityService;
}

export type AssetContext = SubgraphContext<{ services: AssetServices; loaders: AssetLoaders }>;

export const subgraph = defineSubgraph({
  name: 'asset',
  defaults: serviceDefaults('asset'),
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
      DepreciationResolver,
    ],
    references: assetReferences,
  },
  services: ({ unitOfWork, dataSource }): AssetServices => ({
    assets: new AssetService(unitOfWork),
    faults: new FaultService(unitOfWork),
    reliability: new ReliabilityService(dataSource),
  }),
  context: ({ dataSource }) => ({ loaders: assetLoaders(dataSource) }),
  projections: (config) => [faultTicketsProjection(new OutboxWriter({ namespace: config.kafkaTopicNamespace }))],
});
