// The kpi subgraph, declared once: `main.ts`, the tests, `nx run kpi:sdl` and `:replay` start from here.
import type { SubgraphContext } from '@opsgraph/graphql-kit';
import { defineSubgraph } from '@opsgraph/service-kit';
import { kpiConfig } from './config';
import { ticketKpiProjection } from './engine/ticket-kpi.projection';
import { KpiFiguresResolver } from './figures/kpi-figures.resolver';
import { KpiFiguresService } from './figures/kpi-figures.service';
import { migrations } from './migrations';

export interface KpiServices {
  readonly figures: KpiFiguresService;
}

export type KpiContext = SubgraphContext<{ services: KpiServices }>;

export const subgraph = defineSubgraph({
  name: 'kpi',
  config: kpiConfig,
  entities: [],
  migrations,
  schema: { resolvers: [KpiFiguresResolver] },
  services: ({ unitOfWork }): KpiServices => ({ figures: new KpiFiguresService(unitOfWork.dataSource) }),
  projections: (config) => [ticketKpiProjection(config.kpiTimeZone)],
});
