import { graphqlEnumOf } from '@opsgraph/graphql-kit';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { Dimension } from '../engine/cell.rules';
import { KpiDimensionKind } from '../figures/kpi-figures.type';
import {
  ALERT_SEVERITIES,
  ALERT_STATUSES,
  COMPARATORS,
  NAME_MAX,
  RULE_KPIS,
  WINDOW_MINUTES_MAX,
  type AlertSeverity,
  type AlertStatus,
  type Comparator,
  type RuleKpi,
} from './monitoring.rules';

export const MonitoredKpi = graphqlEnumOf(
  RULE_KPIS,
  'MonitoredKpi',
  'What a rule watches over its window; TICKET_SURGE is the window’s intake ÷ the trailing 7-day mean per window',
  {
    SLA_BREACH_RATE: 'Share of resolutions in the window that missed their SLA (0–1)',
    COMPLAINT_RATE: 'Complaints ÷ tickets opened in the window (0–1)',
    CSAT_AVERAGE: 'Average overall satisfaction in the window (1–5)',
    FIRST_RESPONSE_AVERAGE_SECONDS: 'Mean first-response time in the window, seconds',
    TICKETS: 'Tickets opened in the window',
    TICKET_SURGE:
      'The window’s intake ÷ the mean intake per window over the 7 days before (a quiet week counts as one ticket)',
  },
);
export const MonitoringComparator = graphqlEnumOf(
  COMPARATORS,
  'MonitoringComparator',
  'Which side of the threshold fires an alert',
  {
    ABOVE: 'Fires when the figure is above the threshold (strictly)',
    BELOW: 'Fires when the figure is below the threshold (strictly)',
    MISSES_TARGET:
      'Fires when the figure misses the dimension’s target (setKpiTarget): below an AT_LEAST target, above an ' +
      'AT_MOST one; no target, no alert',
  },
);
export const KpiAlertSeverity = graphqlEnumOf(
  ALERT_SEVERITIES,
  'KpiAlertSeverity',
  'How serious a rule’s alerts are; decides the incident an alert opens',
  {
    INFO: 'Informational; opens no incident',
    WARNING: 'Warning; opens a SEV3 incident',
    CRITICAL: 'Critical; opens a SEV2 incident',
  },
);
export const KpiAlertStatus = graphqlEnumOf(
  ALERT_STATUSES,
  'KpiAlertStatus',
  'FIRING → ACKNOWLEDGED → RESOLVED; at most one open alert per rule and dimension',
  {
    FIRING: 'The condition holds and nobody acknowledged it',
    ACKNOWLEDGED: 'Someone took it on; resolves itself when the condition clears',
    RESOLVED: 'The condition no longer holds',
  },
);

@ObjectType({
  description: 'A monitoring rule: a condition on a KPI over a sliding window that raises alerts',
})
export class MonitoringRule {
  @Field(() => ID, { description: 'The rule’s id' })
  id: string;

  @Field({ description: 'The rule’s name' })
  name: string;

  @Field(() => MonitoredKpi, { description: 'The figure watched' })
  kpi: RuleKpi;

  @Field(() => MonitoringComparator, { description: 'ABOVE or BELOW the threshold fires, or MISSES_TARGET' })
  comparator: Comparator;

  @Field(() => Float, {
    description:
      'The threshold, in the KPI’s unit; 0 for MISSES_TARGET (the dimension’s target is the threshold)',
  })
  threshold: number;

  @Field(() => Int, { description: 'Length of the sliding window in minutes, ending now' })
  windowMinutes: number;

  @Field(() => Int, { description: 'The figure is not judged on fewer samples than this' })
  minimumSamples: number;

  @Field(() => KpiDimensionKind, { description: 'What the rule watches: OVERALL or one kind of dimension' })
  dimensionKind: Dimension['kind'];

  @Field(() => String, { nullable: true, description: 'null: every value of the kind is watched separately' })
  dimensionValue: string | null;

  @Field(() => KpiAlertSeverity, { description: 'Severity of the alerts it raises' })
  severity: AlertSeverity;

  @Field(() => Int, { description: 'Optimistic-lock version of the rule' })
  version: number;

  @Field({ description: 'When it was created (DateTime, UTC)' })
  createdAt: Date;
}

@ObjectType({ description: 'An alert of a rule for one dimension: FIRING → ACKNOWLEDGED → RESOLVED' })
export class KpiAlert {
  @Field(() => ID, { description: 'The alert’s id' })
  id: string;

  @Field(() => ID, { description: 'The monitoring rule that raised it' })
  ruleId: string;

  @Field({ description: 'OVERALL, or KIND:value' })
  dimension: string;

  @Field(() => KpiAlertStatus, { description: 'FIRING, ACKNOWLEDGED or RESOLVED' })
  status: AlertStatus;

  @Field(() => Float, { description: 'The value when the alert fired' })
  value: number;

  @Field(() => Float, {
    description: 'The threshold crossed when it fired: the rule’s, or the target a MISSES_TARGET rule missed',
  })
  threshold: number;

  @Field({ description: 'When it fired (DateTime, UTC)' })
  firedAt: Date;

  @Field(() => Date, {
    description: 'When it was acknowledged (DateTime, UTC); null unless acknowledged',
    nullable: true,
  })
  acknowledgedAt: Date | null;

  @Field(() => Date, {
    description: 'When its condition cleared (DateTime, UTC); null while open',
    nullable: true,
  })
  resolvedAt: Date | null;

  @Field(() => Float, { nullable: true, description: 'The value when the condition cleared' })
  resolvedValue: number | null;

  @Field(() => Int, { description: 'Optimistic-lock version of the alert' })
  version: number;
}

@InputType({ description: 'A new monitoring rule' })
export class CreateMonitoringRuleInput {
  @Field({ description: `1 to ${NAME_MAX} characters` })
  name: string;

  @Field(() => MonitoredKpi, { description: 'The figure watched' })
  kpi: RuleKpi;

  @Field(() => MonitoringComparator, { description: 'ABOVE or BELOW the threshold fires, or MISSES_TARGET' })
  comparator: Comparator;

  @Field(() => Float, {
    nullable: true,
    description:
      'The threshold, in the KPI’s unit (rates 0–1, seconds, score 1–5, tickets, surge ratio); required for ' +
      'ABOVE and BELOW (≥ 0), absent for MISSES_TARGET, whose threshold is the target',
  })
  threshold?: number | null;

  @Field(() => Int, { description: `1 to ${WINDOW_MINUTES_MAX}` })
  windowMinutes: number;

  @Field(() => Int, { nullable: true, description: 'Default 3' })
  minimumSamples?: number | null;

  @Field(() => KpiDimensionKind, { description: 'What the rule watches: OVERALL or one kind of dimension' })
  dimensionKind: Dimension['kind'];

  @Field(() => String, { nullable: true, description: 'Absent: watch every value of the kind separately' })
  dimensionValue?: string | null;

  @Field(() => KpiAlertSeverity, {
    description:
      'Severity of the alerts it raises; CRITICAL opens a SEV2 incident, WARNING a SEV3, INFO none',
  })
  severity: AlertSeverity;
}
