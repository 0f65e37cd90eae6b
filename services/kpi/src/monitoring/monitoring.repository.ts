// The kpi_rules and kpi_alerts tables: the unit of work's stores and the graph's reads.
import type { AggregateKind, AggregateRepository } from '@opsgraph/service-kit';
import { repositoryStore } from '@opsgraph/service-kit';
import type { EntityManager } from 'typeorm';
import type { AlertStatus, KpiAlertRecord, MonitoringRule } from './monitoring.rules';

const RULE_COLUMNS = `id, name, kpi, comparator, threshold, window_minutes as "windowMinutes",
  minimum_samples as "minimumSamples", dimension_kind as "dimensionKind", dimension_value as "dimensionValue",
  severity, version, created_at as "createdAt"`;
const ALERT_COLUMNS = `id, rule_id as "ruleId", dimension, status, value, threshold, fired_at as "firedAt",
  acknowledged_at as "acknowledgedAt", acknowledged_by as "acknowledgedBy", resolved_at as "resolvedAt",
  resolved_value as "resolvedValue", version`;

export class RuleRepository implements AggregateRepository<MonitoringRule> {
  constructor(private readonly manager: EntityManager) {}

  async lock(id: string): Promise<MonitoringRule | null> {
    const [row] = await this.manager.query(`select ${RULE_COLUMNS} from kpi_rules where id = $1 for update`, [
      id,
    ]);
    return row ?? null;
  }

  async insert(rule: MonitoringRule): Promise<void> {
    await this.manager.query(
      `insert into kpi_rules (id, name, kpi, comparator, threshold, window_minutes, minimum_samples, dimension_kind,
         dimension_value, severity, version, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        rule.id,
        rule.name,
        rule.kpi,
        rule.comparator,
        rule.threshold,
        rule.windowMinutes,
        rule.minimumSamples,
        rule.dimensionKind,
        rule.dimensionValue,
        rule.severity,
        rule.version,
        rule.createdAt,
      ],
    );
  }

  /** Rules are not edited yet (create a new one); the store needs the method. */
  async update(): Promise<boolean> {
    return false;
  }

  all(): Promise<MonitoringRule[]> {
    return this.manager.query(`select ${RULE_COLUMNS} from kpi_rules order by created_at, id`);
  }

  async byIds(ids: readonly string[]): Promise<MonitoringRule[]> {
    return this.manager.query(`select ${RULE_COLUMNS} from kpi_rules where id = any($1)`, [ids]);
  }
}

export class AlertRepository implements AggregateRepository<KpiAlertRecord> {
  constructor(private readonly manager: EntityManager) {}

  async lock(id: string): Promise<KpiAlertRecord | null> {
    const [row] = await this.manager.query(
      `select ${ALERT_COLUMNS} from kpi_alerts where id = $1 for update`,
      [id],
    );
    return row ?? null;
  }

  async insert(alert: KpiAlertRecord): Promise<void> {
    await this.manager.query(
      `insert into kpi_alerts (id, rule_id, dimension, status, value, threshold, fired_at, acknowledged_at,
         acknowledged_by, resolved_at, resolved_value, version) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        alert.id,
        alert.ruleId,
        alert.dimension,
        alert.status,
        alert.value,
        alert.threshold,
        alert.firedAt,
        alert.acknowledgedAt,
        alert.acknowledgedBy,
        alert.resolvedAt,
        alert.resolvedValue,
        alert.version,
      ],
    );
  }

  async update(alert: KpiAlertRecord, expectedVersion: number): Promise<boolean> {
    const [, affected] = await this.manager.query(
      `update kpi_alerts set status = $2, acknowledged_at = $3, acknowledged_by = $4, resolved_at = $5,
         resolved_value = $6, version = $7 where id = $1 and version = $8`,
      [
        alert.id,
        alert.status,
        alert.acknowledgedAt,
        alert.acknowledgedBy,
        alert.resolvedAt,
        alert.resolvedValue,
        alert.version,
        expectedVersion,
      ],
    );
    return affected === 1;
  }

  /** The alert open (FIRING or ACKNOWLEDGED) for a rule and dimension, locked. */
  async lockOpen(ruleId: string, dimension: string): Promise<KpiAlertRecord | null> {
    const [row] = await this.manager.query(
      `select ${ALERT_COLUMNS} from kpi_alerts where rule_id = $1 and dimension = $2 and status <> 'RESOLVED'
       for update`,
      [ruleId, dimension],
    );
    return row ?? null;
  }

  /** Every open (FIRING or ACKNOWLEDGED) alert, oldest first: what the periodic recheck judges again. */
  open(): Promise<KpiAlertRecord[]> {
    return this.manager.query(
      `select ${ALERT_COLUMNS} from kpi_alerts where status <> 'RESOLVED' order by fired_at, id`,
    );
  }

  /** Newest first. */
  list(status: AlertStatus | null, first: number): Promise<KpiAlertRecord[]> {
    return this.manager.query(
      `select ${ALERT_COLUMNS} from kpi_alerts where ($1::text is null or status = $1)
       order by fired_at desc, id desc limit $2`,
      [status, first],
    );
  }
}

export const ruleKind: AggregateKind<MonitoringRule> = {
  type: 'kpi',
  label: 'MonitoringRule',
  store: repositoryStore(RuleRepository),
};

export const alertKind: AggregateKind<KpiAlertRecord> = {
  type: 'kpi',
  label: 'KpiAlert',
  store: repositoryStore(AlertRepository),
};
