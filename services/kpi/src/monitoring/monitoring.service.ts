// Use-cases of monitoring: rules (graph-managed) and alert acknowledgement; permission → pure rule → unit of work.
import type { Caller, RequestMeta } from '@opsgraph/domain';
import { checkVersion, NotFoundError } from '@opsgraph/domain';
import type { UnitOfWork } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import type { Dimension } from '../engine/cell.rules';
import type { Monitor } from './monitor';
import { dimensionOf } from '../figures/kpi-figures.service';
import { permissions } from '../permissions';
import { AlertRepository, alertKind, RuleRepository, ruleKind } from './monitoring.repository';
import {
  acknowledgedAlert,
  newRule,
  type AlertStatus,
  type KpiAlertRecord,
  type MonitoringRule,
  type NewRuleInput,
} from './monitoring.rules';

export interface RuleInput extends Omit<NewRuleInput, 'dimension' | 'dimensionKindOnly'> {
  dimensionKind: Dimension['kind'];
  /** Absent: the rule watches every value of the kind separately. */
  dimensionValue?: string | null;
}

export class MonitoringService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly monitor: Monitor,
  ) {}

  /** The periodic recheck (job `monitoring-recheck`): resolves open alerts whose window cleared with no event. */
  recheckOpenAlerts(): Promise<number> {
    return this.unitOfWork.dataSource.transaction((manager) => this.monitor.recheck(manager));
  }

  rules(caller: Caller): Promise<MonitoringRule[]> {
    permissions.require(caller, 'VIEW_KPIS');
    return new RuleRepository(this.unitOfWork.dataSource.manager).all();
  }

  rulesByIds(ids: readonly string[]): Promise<MonitoringRule[]> {
    return new RuleRepository(this.unitOfWork.dataSource.manager).byIds(ids);
  }

  alerts(caller: Caller, status: AlertStatus | null, first: number): Promise<KpiAlertRecord[]> {
    permissions.require(caller, 'VIEW_KPIS');
    return new AlertRepository(this.unitOfWork.dataSource.manager).list(status, first);
  }

  createRule(input: RuleInput, meta: RequestMeta): Promise<MonitoringRule> {
    permissions.require(meta.caller, 'MANAGE_MONITORING');
    const valued = input.dimensionKind === 'OVERALL' || (input.dimensionValue ?? null) !== null;
    const dimension = valued ? dimensionOf({ kind: input.dimensionKind, value: input.dimensionValue }) : null;
    const spec = { ...input, dimension, dimensionKindOnly: valued ? null : input.dimensionKind };
    return this.unitOfWork.run(meta, (tx) => {
      const rule = newRule(randomUUID(), spec, tx.now);
      return tx.save(ruleKind, null, { after: rule, action: 'CREATED', changes: { ...rule } });
    });
  }

  acknowledge(id: string, expectedVersion: number, meta: RequestMeta): Promise<KpiAlertRecord> {
    const caller = permissions.require(meta.caller, 'MANAGE_MONITORING');
    return this.unitOfWork.run(meta, async (tx) => {
      const alert = await new AlertRepository(tx.manager).lock(id);
      if (alert === null) throw new NotFoundError('KpiAlert', id);
      checkVersion('KpiAlert', alert, expectedVersion);
      return tx.save(alertKind, alert, {
        after: acknowledgedAlert(alert, caller.userId, tx.now),
        action: 'ACKNOWLEDGED',
        changes: { status: 'ACKNOWLEDGED' },
      });
    });
  }
}
