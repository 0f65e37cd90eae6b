// The incident subgraph, declared once: `main.ts`, the tests, `nx run incident:sdl` and `:replay` start from here.
import type { SubgraphContext } from '@opsgraph/graphql-kit';
import { defineSubgraph } from '@opsgraph/service-kit';
import {
  DrillMutations,
  DrillResolver,
  PlanDrillsResolver,
  PlanVersionSourceResolver,
} from './drills/drill.resolver';
import { DrillService } from './drills/drill.service';
import { incidentLoaders, incidentReferences, type IncidentLoaders } from './incidents/incident.reference';
import { ActionItemMutations, IncidentMutations, IncidentResolver } from './incidents/incident.resolver';
import { IncidentService } from './incidents/incident.service';
import { kpiAlertIncidents } from './auto-incidents/kpi-alerts.projection';
import { migrations } from './migrations';
import { PlanMutations, PlanResolver } from './plans/plan.resolver';
import { PlanService } from './plans/plan.service';
import { complaintCausesProjection } from './risks/complaint-causes.projection';
import { riskLoaders, type RiskLoaders } from './risks/risk.loaders';
import { RiskMutations, RiskResolver, RiskSuggestionResolver } from './risks/risk.resolver';
import { RiskService } from './risks/risk.service';
import {
  AssetIncidentsResolver,
  CustomerIncidentsResolver,
  EmployeeIncidentRolesResolver,
} from './references/incident-lists.resolver';

export interface IncidentServices {
  readonly incidents: IncidentService;
  readonly plans: PlanService;
  readonly risks: RiskService;
  readonly drills: DrillService;
}

export type IncidentContext = SubgraphContext<{
  services: IncidentServices;
  loaders: IncidentLoaders & RiskLoaders;
}>;

export const subgraph = defineSubgraph({
  name: 'incident',
  entities: [],
  migrations,
  schema: {
    resolvers: [
      IncidentResolver,
      IncidentMutations,
      ActionItemMutations,
      PlanResolver,
      PlanMutations,
      RiskResolver,
      RiskMutations,
      RiskSuggestionResolver,
      DrillResolver,
      DrillMutations,
      PlanDrillsResolver,
      PlanVersionSourceResolver,
      AssetIncidentsResolver,
      CustomerIncidentsResolver,
      EmployeeIncidentRolesResolver,
    ],
    references: incidentReferences,
  },
  services: ({ unitOfWork }): IncidentServices => {
    const plans = new PlanService(unitOfWork);
    return {
      plans,
      incidents: new IncidentService(unitOfWork, plans),
      risks: new RiskService(unitOfWork),
      drills: new DrillService(unitOfWork, plans),
    };
  },
  context: ({ dataSource, services }) => ({
    loaders: { ...incidentLoaders(dataSource), ...riskLoaders(services.risks) },
  }),
  projections: (config) => [complaintCausesProjection, kpiAlertIncidents(config)],
});
