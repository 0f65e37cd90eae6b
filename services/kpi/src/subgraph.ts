// The kpi subgraph, declared once: `main.ts`, the tests, `nx run kpi:sdl` and `:replay` start from here.
import type { SubgraphContext } from '@opsgraph/graphql-kit';
import { defineSubgraph } from '@opsgraph/service-kit';
import { migrations } from './migrations';
import { kpiLoaders, kpiReferences, type KpiLoaders } from './kpis/kpi.reference';
import { KpiResolver } from './kpis/kpi.resolver';
import { KpiService } from './kpis/kpi.service';
import { ticketOpenings } from './kpis/projections/ticket-openings.projection';

export interface KpiServices {
  readonly kpis: KpiService;
}

export type KpiContext = SubgraphContext<{ services: KpiServices; loaders: KpiLoaders }>;

export const subgraph = defineSubgraph({
  name: 'kpi',
  entities: [],
  migrations,
  schema: { resolvers: [KpiResolver], references: kpiReferences },
  services: ({ unitOfWork }): KpiServices => ({ kpis: new KpiService(unitOfWork) }),
  context: ({ dataSource }) => ({ loaders: kpiLoaders(dataSource) }),
  projections: [ticketOpenings],
});
