// The incident subgraph, declared once: `main.ts`, the tests, `nx run incident:sdl` and `:replay` start from here.
import type { SubgraphContext } from '@opsgraph/graphql-kit';
import { defineSubgraph } from '@opsgraph/service-kit';
import { migrations } from './migrations';
import { incidentLoaders, incidentReferences, type IncidentLoaders } from './incidents/incident.reference';
import { IncidentResolver } from './incidents/incident.resolver';
import { IncidentService } from './incidents/incident.service';
import { ticketOpenings } from './incidents/projections/ticket-openings.projection';

export interface IncidentServices {
  readonly incidents: IncidentService;
}

export type IncidentContext = SubgraphContext<{ services: IncidentServices; loaders: IncidentLoaders }>;

export const subgraph = defineSubgraph({
  name: 'incident',
  entities: [],
  migrations,
  schema: { resolvers: [IncidentResolver], references: incidentReferences },
  services: ({ unitOfWork }): IncidentServices => ({ incidents: new IncidentService(unitOfWork) }),
  context: ({ dataSource }) => ({ loaders: incidentLoaders(dataSource) }),
  projections: [ticketOpenings],
});
