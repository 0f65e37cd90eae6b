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
);
export const MonitoringComparator = graphqlEnumOf(
  COMPARATORS,
  'MonitoringComparator',
  'How a rule judges its figure over the window',
  {
    ABOVE: 'Above the rule’s threshold (strictly)',
    BELOW: 'Below the rule’s threshold (strictly)',
    MISSES_TARGET:
      'Misses the dimension’s target (setKpiTarget): below an AT_LEAST target, above an AT_MOST one; ' +
      'no target, no alert',
  },
);
export const KpiAlertSeverity = graphqlEnumOf(ALERT_SEVERITIES, 'KpiAlertSeverity');
export const KpiAlertStatus = graphqlEnumOf(ALERT_STATUSES, 'KpiAlertStatus');

@ObjectType({
  description: 'A monitoring rule: a condition on a KPI over a sliding window that raises alerts',
})
export class MonitoringRule {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => MonitoredKpi)
  kpi: RuleKpi;

  @Field(() => MonitoringComparator)
  comparator: Comparator;

  @Field(() => Float, {
    description: 'The rule’s threshold; 0 for MISSES_TARGET (the target is the threshold)',
  })
  threshold: number;

  @Field(() => Int)
  windowMinutes: number;

  @Field(() => Int, { description: 'The figure is not judged on fewer samples than this' })
  minimumSamples: number;

  @Field(() => KpiDimensionKind)
  dimensionKind: Dimension['kind'];

  @Field(() => String, { nullable: true, description: 'null: every value of the kind is watched separately' })
  dimensionValue: string | null;

  @Field(() => KpiAlertSeverity)
  severity: AlertSeverity;

  @Field(() => Int)
  version: number;

  @Field()
  createdAt: Date;
}

@ObjectType({ description: 'An alert of a rule for one dimension: FIRING → ACKNOWLEDGED → RESOLVED' })
export class KpiAlert {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  ruleId: string;

  @Field({ description: 'OVERALL, or KIND:value' })
  dimension: string;

  @Field(() => KpiAlertStatus)
  status: AlertStatus;

  @Field(() => Float, { description: 'The value when the alert fired' })
  value: number;

  @Field(() => Float, {
    description: 'The threshold crossed: the rule’s, or the target when the alert fired',
  })
  threshold: number;

  @Field()
  firedAt: Date;

  @Field(() => Date, { nullable: true })
  acknowledgedAt: Date | null;

  @Field(() => Date, { nullable: true })
  resolvedAt: Date | null;

  @Field(() => Float, { nullable: true, description: 'The value when the condition cleared' })
  resolvedValue: number | null;

  @Field(() => Int)
  version: number;
}

@InputType({ description: 'A new monitoring rule' })
export class CreateMonitoringRuleInput {
  @Field({ description: `1 to ${NAME_MAX} characters` })
  name: string;

  @Field(() => MonitoredKpi)
  kpi: RuleKpi;

  @Field(() => MonitoringComparator)
  comparator: Comparator;

  @Field(() => Float, {
    nullable: true,
    description:
      'Required for ABOVE and BELOW (≥ 0); absent for MISSES_TARGET, whose threshold is the target',
  })
  threshold?: number | null;

  @Field(() => Int, { description: `1 to ${WINDOW_MINUTES_MAX}` })
  windowMinutes: number;

  @Field(() => Int, { nullable: true, description: 'Default 3' })
  minimumSamples?: number | null;

  @Field(() => KpiDimensionKind)
  dimensionKind: Dimension['kind'];

  @Field(() => String, { nullable: true, description: 'Absent: watch every value of the kind separately' })
  dimensionValue?: string | null;

  @Field(() => KpiAlertSeverity)
  severity: AlertSeverity;
}
