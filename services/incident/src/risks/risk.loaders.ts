import DataLoader from 'dataloader';
import type { RiskService } from './risk.service';

/** Per request: incidents per category in the observation window, one query for every risk of the answer. */
export const riskLoaders = (risks: RiskService) => ({
  incidentCounts: new DataLoader<string, number>(async (categories) => {
    const counts = await risks.incidentCounts(categories);
    return categories.map((category) => counts.get(category) ?? 0);
  }),
});
export type RiskLoaders = ReturnType<typeof riskLoaders>;
