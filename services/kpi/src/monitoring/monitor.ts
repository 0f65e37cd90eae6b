// Evaluates the monitoring rules as ticket events arrive (docs/product.md §KPI "Monitoring"): after the KPI
// projection has folded a batch, every rule watching a dimension the batch touched is measured over its sliding
// window ending now (or at the batch's latest event time when that is later), and its alert fires or resolves.
// Ending at now, not at the batch's own latest event, keeps the verdict independent of the order in which
// concurrent partitions deliver: a batch of older events still sees the newer facts already committed. Runs in the
// projection's transaction: alert rows, audit lines and kpi.alert_* events commit with the cells.
//
// One alert per condition under several replicas: the rule+dimension is serialised by an advisory lock and the
// unique index on open alerts backs it. Only live windows are judged (the event time within the rule's window
// of now): replaying old history rebuilds the figures without re-firing alerts of the past.
//
// Events alone cannot clear a window that simply slides past its breaches, so `recheck` (the job
// `monitoring-recheck`) measures every open alert's rule and dimension over the window ending now and resolves
// the alerts whose condition no longer holds. A MISSES_TARGET rule reads the dimension's current target.
import { KpiAlertFired, KpiAlertResolved, SYSTEM_ACTOR } from '@opsgraph/contracts-events';
import type { Clock } from '@opsgraph/domain';
import { OutboxWriter } from '@opsgraph/messaging';
import { draft, WriteTransaction } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { KpiDefinitionRepository } from '../definitions/kpi-definition.repository';
import { measuredFact } from '../definitions/kpi-definition.rules';
import { windowCounters, type Dimension } from '../engine/cell.rules';
import { CellsRepository } from '../engine/cells.repository';
import { TargetRepository } from '../targets/target.repository';
import { AlertRepository, alertKind, RuleRepository } from './monitoring.repository';
import {
  alertStep,
  conditionOf,
  dimensionLabel,
  dimensionOfLabel,
  firedAlert,
  holds,
  measure,
  resolvedAlert,
  SURGE_BASELINE_MS,
  TARGET_OF_RULE_KPI,
  watches,
  type KpiAlertRecord,
  type MonitoringRule,
} from './monitoring.rules';

export interface MonitorOptions {
  readonly namespace: string;
  readonly clock: Clock;
}

export class Monitor {
  constructor(private readonly options: MonitorOptions) {}

  async evaluate(
    manager: EntityManager,
    dimensions: readonly Dimension[],
    at: Date,
    correlationId: string,
  ): Promise<void> {
    const rules = await new RuleRepository(manager).all();
    if (rules.length === 0) return;
    const tx = this.transaction(manager, correlationId);
    const now = this.options.clock().getTime();
    const end = new Date(Math.max(now, at.getTime()));
    const sorted = [...dimensions].sort((a, b) => dimensionLabel(a).localeCompare(dimensionLabel(b)));
    for (const rule of rules) {
      const windowMs = rule.windowMinutes * 60_000;
      if (at.getTime() < now - windowMs) continue;
      for (const dimension of sorted.filter((d) => watches(rule, d))) {
        await this.evaluateOne(tx, rule, dimension, end, windowMs);
      }
    }
  }

  /**
   * Re-measures every open alert over the window ending now and resolves those whose condition cleared (the
   * window slid past its breaches, or the target changed) with no new event. Returns how many it resolved.
   */
  async recheck(manager: EntityManager, correlationId: string = randomUUID()): Promise<number> {
    const open = await new AlertRepository(manager).open();
    if (open.length === 0) return 0;
    const rules = new Map(
      (await new RuleRepository(manager).byIds([...new Set(open.map((alert) => alert.ruleId))])).map(
        (rule) => [rule.id, rule],
      ),
    );
    const tx = this.transaction(manager, correlationId);
    const now = this.options.clock();
    let resolved = 0;
    for (const alert of open) {
      const rule = rules.get(alert.ruleId) as MonitoringRule;
      const step = await this.evaluateOne(
        tx,
        rule,
        dimensionOfLabel(alert.dimension),
        now,
        rule.windowMinutes * 60_000,
      );
      if (step === 'RESOLVE') resolved += 1;
    }
    return resolved;
  }

  private transaction(manager: EntityManager, correlationId: string): WriteTransaction {
    return new WriteTransaction(
      manager,
      { caller: null, correlationId, actor: SYSTEM_ACTOR },
      {
        dataSource: manager.connection,
        outbox: new OutboxWriter({ namespace: this.options.namespace }),
        producer: 'kpi',
        clock: this.options.clock,
      },
    );
  }

  private async evaluateOne(
    tx: WriteTransaction,
    rule: MonitoringRule,
    dimension: Dimension,
    at: Date,
    windowMs: number,
  ): Promise<'FIRE' | 'RESOLVE' | null> {
    const label = dimensionLabel(dimension);
    await tx.manager.query('select pg_advisory_xact_lock(hashtextextended($1, 15))', [
      `kpi-alert:${rule.id}|${label}`,
    ]);
    const cells = new CellsRepository(tx.manager);
    // The window's facts as the applied KPI definition measures them, like the cells (definitions/).
    const { parameters } = await new KpiDefinitionRepository(tx.manager).appliedForShare();
    const counters = async (since: Date, until: Date) =>
      windowCounters(
        (await cells.windowFacts(dimension, since, until)).map((fact) => measuredFact(fact, parameters)),
        since,
        until,
      );
    const from = new Date(at.getTime() - windowMs);
    const window = await counters(from, at);
    const baselineFrom = new Date(from.getTime() - SURGE_BASELINE_MS);
    const baseline = rule.kpi === 'TICKET_SURGE' ? await counters(baselineFrom, from) : undefined;
    const measured = measure(rule, window, baseline);
    const targetKpi = TARGET_OF_RULE_KPI[rule.kpi];
    const target =
      rule.comparator === 'MISSES_TARGET' && targetKpi !== undefined
        ? await new TargetRepository(tx.manager).byKey(targetKpi, dimension)
        : null;
    const condition = conditionOf(rule, target);
    const open = await new AlertRepository(tx.manager).lockOpen(rule.id, label);
    const step = alertStep(open, holds(rule, measured, condition));
    if (step === 'FIRE') {
      const alert = firedAlert(
        randomUUID(),
        rule,
        dimension,
        measured.value as number,
        at,
        condition?.threshold,
      );
      await tx.save(alertKind, null, {
        after: alert,
        action: 'FIRED',
        events: [
          draft(KpiAlertFired, { ...identity(rule, alert), value: alert.value, firedAt: at.toISOString() }),
        ],
        changes: { value: alert.value, dimension: label },
      });
    } else if (step === 'RESOLVE') {
      const alert = open as KpiAlertRecord;
      const resolved = resolvedAlert(alert, measured.value, at);
      await tx.save(alertKind, alert, {
        after: resolved,
        action: 'RESOLVED',
        events: [
          draft(KpiAlertResolved, {
            ...identity(rule, alert),
            value: measured.value,
            resolvedAt: at.toISOString(),
          }),
        ],
        changes: { value: measured.value },
      });
    }
    return step;
  }
}

/** The fields both alert events carry. */
export function identity(rule: MonitoringRule, alert: KpiAlertRecord) {
  return {
    alertId: alert.id,
    ruleId: rule.id,
    ruleName: rule.name,
    kpi: rule.kpi,
    dimension: alert.dimension,
    severity: rule.severity,
    threshold: alert.threshold,
  };
}
