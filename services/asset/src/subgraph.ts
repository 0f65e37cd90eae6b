// The asset subgraph, declared once: `main.ts`, the tests, `nx run asset:sdl` and `:replay` start from here.
import type { SubgraphContext } from '@opsgraph/graphql-kit';
import { defineSubgraph } from '@opsgraph/service-kit';
import { migrations } from './migrations';
import { assetLoaders, assetReferences, type AssetLoaders } from './assets/asset.reference';
import { AssetResolver } from './assets/asset.resolver';
import { AssetService } from './assets/asset.service';
import { ticketOpenings } from './assets/projections/ticket-openings.projection';

export interface AssetServices {
  readonly assets: AssetService;
}

export type AssetContext = SubgraphContext<{ services: AssetServices; loaders: AssetLoaders }>;

export const subgraph = defineSubgraph({
  name: 'asset',
  entities: [],
  migrations,
  schema: { resolvers: [AssetResolver], references: assetReferences },
  services: ({ unitOfWork }): AssetServices => ({ assets: new AssetService(unitOfWork) }),
  context: ({ dataSource }) => ({ loaders: assetLoaders(dataSource) }),
  projections: [ticketOpenings],
});
