// Gathers the facts the advice rules judge (age, warranty, faults, MTBF trend; plan intervals vs model MTBF).
import type { Caller } from '@opsgraph/domain';
import { addDays, dayOf } from '../calendar.rules';
import { CATEGORY_POLICIES } from '../assets/asset-category.rules';
import type { AssetRecord } from '../assets/asset.rules';
import type { ReliabilityService } from '../faults/reliability.service';
import { groupReliability, reliabilityOf } from '../faults/reliability.rules';
import { MaintenanceRepository } from '../maintenance/maintenance.repository';
import { intervalDays } from '../maintenance/maintenance-schedule.rules';
import { permissions } from '../permissions';
import type { Clock } from '@opsgraph/domain';
import type { DataSource } from 'typeorm';
import { adviceFor, planSuggestion, type Advice, type PlanSuggestion } from './advice.rules';

const YEAR_MS = 365 * 86_400_000;

export interface PlanSuggestionView extends PlanSuggestion {
  readonly planId: string;
  readonly title: string;
  readonly model: string;
}

export class AdviceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reliability: ReliabilityService,
    private readonly clock: Clock,
  ) {}

  async adviceFor(caller: Caller, asset: AssetRecord): Promise<Advice> {
    permissions.require(caller, 'VIEW_ASSETS');
    const now = this.clock();
    const [history] = await this.reliability.histories({ assetId: asset.id });
    const yearAgo = new Date(now.getTime() - YEAR_MS);
    const twoYearsAgo = new Date(now.getTime() - 2 * YEAR_MS);
    return adviceFor({
      today: dayOf(now),
      inServiceSince: asset.inServiceSince,
      usefulLifeYears: CATEGORY_POLICIES[asset.category].usefulLifeYears,
      warrantyEndsOn: asset.warrantyEndsOn,
      faultsLastYear: history.faults.filter((fault) => fault.reportedAt >= yearAgo).length,
      mtbfLastYear: reliabilityOf(history, yearAgo, now).mtbfHours,
      mtbfYearBefore: reliabilityOf(history, twoYearsAgo, yearAgo).mtbfHours,
    });
  }

  /** For every calendar plan and each model it covers: a shorter interval where the model fails sooner. */
  async planSuggestions(caller: Caller): Promise<PlanSuggestionView[]> {
    permissions.require(caller, 'VIEW_ASSETS');
    const now = this.clock();
    const from = new Date(`${addDays(dayOf(now), -365)}T00:00:00.000Z`);
    const plans = await new MaintenanceRepository(this.dataSource.manager).calendarPlans();
    const suggestions: PlanSuggestionView[] = [];
    const mtbfOfModel = new Map<string, number | null>();
    for (const plan of plans) {
      const models: { model: string }[] = await this.dataSource.query(
        `select distinct a.model from maintenance_schedules s join assets a on a.id = s.asset_id
         where s.plan_id = $1 order by a.model`,
        [plan.id],
      );
      for (const { model } of models) {
        if (!mtbfOfModel.has(model)) {
          const histories = await this.reliability.histories({ model });
          mtbfOfModel.set(model, groupReliability(histories, from, now).mtbfHours);
        }
        const suggestion = planSuggestion(
          intervalDays({ unit: plan.intervalUnit, value: plan.intervalValue }),
          mtbfOfModel.get(model) ?? null,
        );
        if (suggestion !== null)
          suggestions.push({ ...suggestion, planId: plan.id, title: plan.title, model });
      }
    }
    return suggestions;
  }
}
