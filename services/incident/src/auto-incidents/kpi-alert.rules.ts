// Auto-incidents (docs/product.md §5 "Auto-incidents"): a KPI alert opens an incident by rule. Pure, unit-tested.
import type { EventOf, IncidentSeverity, KpiAlertFired, RiskCategory } from '@opsgraph/contracts-events';

/** The payload of `kpi.alert_fired` (libs/contracts/events/src/kpi), as the rule reads it. */
export type KpiAlert = Readonly<EventOf<typeof KpiAlertFired>['data']>;

/** Which alerts open an incident, and how severe: INFO never does. */
export const DEFAULT_ALERT_SEVERITIES: Readonly<Record<KpiAlert['severity'], IncidentSeverity | null>> = {
  CRITICAL: 'SEV2',
  WARNING: 'SEV3',
  INFO: null,
};

/** The risk category a KPI speaks of: complaints escalate, SLA and backlog figures point at a failure. */
export function categoryOfKpi(kpi: string): RiskCategory {
  const name = kpi.toLowerCase();
  if (name.includes('complaint')) return 'COMPLAINT_ESCALATION';
  if (name.includes('sla') || name.includes('backlog') || name.includes('mttr') || name.includes('surge')) {
    return 'TECHNICAL_FAILURE';
  }
  return 'OTHER';
}

export interface AlertIncident {
  readonly title: string;
  readonly nature: string;
  readonly category: RiskCategory;
  readonly severity: IncidentSeverity;
  readonly occurredAt: Date;
}

/** The incident an alert opens, or null when the rule opens none for its severity. */
export function incidentForAlert(
  alert: KpiAlert,
  severities: Readonly<Record<KpiAlert['severity'], IncidentSeverity | null>> = DEFAULT_ALERT_SEVERITIES,
): AlertIncident | null {
  const severity = severities[alert.severity];
  if (severity === null) return null;
  return {
    title: `KPI alert: ${alert.ruleName}`.slice(0, 200),
    nature:
      `${alert.kpi} for ${alert.dimension} reached ${alert.value} against a threshold of ${alert.threshold} ` +
      `(rule ${alert.ruleName}, alert ${alert.alertId}).`,
    category: categoryOfKpi(alert.kpi),
    severity,
    occurredAt: new Date(alert.firedAt),
  };
}
