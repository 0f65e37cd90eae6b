// Events of the KPI service on `opsgraph.kpi.alerts.v1`: monitoring alerts (one aggregate per alert) and at-risk
// SLA warnings (one aggregate per warning). Consumed by the incident service (an alert can open an incident) and by
// analytics.
import { Type } from '@sinclair/typebox';
import { defineEvent, type EventOf } from '../define-event';
import { DateTime, Nullable, StringEnum, Text, Uuid } from '../schema';

export const KPI_ALERT_SEVERITIES = ['CRITICAL', 'WARNING', 'INFO'] as const;
export type KpiAlertSeverity = (typeof KPI_ALERT_SEVERITIES)[number];

const alertIdentity = {
  alertId: Uuid(),
  ruleId: Uuid(),
  ruleName: Text(),
  kpi: Text({ description: 'The KPI the rule watches, e.g. SLA_BREACH_RATE or TICKET_SURGE' }),
  dimension: Text({ description: 'The cut the condition holds for, e.g. OVERALL or CATEGORY:SYSTEM_FAULT' }),
  severity: StringEnum(KPI_ALERT_SEVERITIES),
  threshold: Type.Number(),
};

export const KpiAlertFired = defineEvent({
  type: 'kpi.alert_fired',
  version: 1,
  aggregateType: 'kpi',
  description:
    'A monitoring rule’s condition started to hold for a dimension: one alert per rule and dimension.',
  data: Type.Object(
    {
      ...alertIdentity,
      value: Type.Number({ description: 'The KPI value that crossed the threshold' }),
      firedAt: DateTime(),
    },
    { additionalProperties: false },
  ),
});

export const KpiAlertResolved = defineEvent({
  type: 'kpi.alert_resolved',
  version: 1,
  aggregateType: 'kpi',
  description:
    'The condition of a FIRING or ACKNOWLEDGED alert cleared (auto-resolve) or someone resolved it.',
  data: Type.Object(
    {
      ...alertIdentity,
      value: Nullable(Type.Number(), {
        description: 'The KPI value when the condition cleared; null when resolved by hand',
      }),
      resolvedAt: DateTime(),
    },
    { additionalProperties: false },
  ),
});

export const KpiSlaAtRisk = defineEvent({
  type: 'kpi.sla_at_risk',
  version: 1,
  aggregateType: 'kpi',
  description:
    'A ticket that is not done has less than the configured share of its response or resolution window left; ' +
    'once per ticket, deadline and due time (the aggregate is the warning).',
  data: Type.Object(
    {
      warningId: Uuid(),
      ticketId: Uuid(),
      departmentId: Nullable(Uuid()),
      deadline: StringEnum(['RESPONSE', 'RESOLUTION'] as const),
      dueAt: DateTime(),
      remainingSeconds: Type.Integer({ minimum: 0 }),
      windowSeconds: Type.Integer({ minimum: 1 }),
      warnedAt: DateTime(),
    },
    { additionalProperties: false },
  ),
});

export const kpiEventDefinitions = [KpiAlertFired, KpiAlertResolved, KpiSlaAtRisk] as const;

export type KpiEvent = EventOf<(typeof kpiEventDefinitions)[number]>;
export type KpiEventType = KpiEvent['type'];
