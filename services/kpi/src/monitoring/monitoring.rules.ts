// Monitoring rules and their alerts (docs/product.md §KPI "Monitoring"). Pure: what a rule is, the value it watches
// over a sliding window, whether its condition holds, and the alert lifecycle FIRING → ACKNOWLEDGED → RESOLVED.
import { BadUserInputError, ConflictError } from '@opsgraph/domain';
import { ratio, type CellCounters, type Dimension } from '../engine/cell.rules';
import type { KpiTarget, TargetKpi } from '../targets/target.rules';

export const RULE_KPIS = [
  'SLA_BREACH_RATE',
  'COMPLAINT_RATE',
  'CSAT_AVERAGE',
  'FIRST_RESPONSE_AVERAGE_SECONDS',
  'TICKETS',
  'TICKET_SURGE',
] as const;
export type RuleKpi = (typeof RULE_KPIS)[number];
/** ABOVE/BELOW compare with the rule's threshold; MISSES_TARGET with the dimension's target (targets/). */
export const COMPARATORS = ['ABOVE', 'BELOW', 'MISSES_TARGET'] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** The target figure a rule KPI is judged against by MISSES_TARGET; the KPIs absent here have no target. */
export const TARGET_OF_RULE_KPI: Partial<Record<RuleKpi, TargetKpi>> = {
  SLA_BREACH_RATE: 'slaBreachRate',
  COMPLAINT_RATE: 'complaintRate',
  CSAT_AVERAGE: 'csatAverage',
  FIRST_RESPONSE_AVERAGE_SECONDS: 'firstResponseAverageSeconds',
};
export const ALERT_SEVERITIES = ['CRITICAL', 'WARNING', 'INFO'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
export const ALERT_STATUSES = ['FIRING', 'ACKNOWLEDGED', 'RESOLVED'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** The trailing period a surge compares against: 7 days (docs/product.md §KPI). */
export const SURGE_BASELINE_MS = 7 * 24 * 3600_000;
export const WINDOW_MINUTES_MAX = 7 * 24 * 60;
export const NAME_MAX = 200;

export interface MonitoringRule {
  id: string;
  name: string;
  kpi: RuleKpi;
  comparator: Comparator;
  threshold: number;
  windowMinutes: number;
  /** The figure is not judged on fewer samples than this (one late ticket is not a 100 % breach rate). */
  minimumSamples: number;
  /** A rule on a kind without a value watches every value of that kind separately. */
  dimensionKind: Dimension['kind'];
  dimensionValue: string | null;
  severity: AlertSeverity;
  version: number;
  createdAt: Date;
}

export interface NewRuleInput {
  name: string;
  kpi: RuleKpi;
  comparator: Comparator;
  /** Required for ABOVE and BELOW; absent for MISSES_TARGET (the target is the threshold). */
  threshold?: number | null;
  windowMinutes: number;
  minimumSamples?: number | null;
  dimension: Dimension | null;
  dimensionKindOnly: Dimension['kind'] | null;
  severity: AlertSeverity;
}

export function newRule(id: string, input: NewRuleInput, now: Date): MonitoringRule {
  const name = input.name.replace(/\s+/g, ' ').trim();
  if (name.length === 0 || name.length > NAME_MAX) {
    throw new BadUserInputError(`name must be 1 to ${NAME_MAX} characters`, 'input.name');
  }
  const threshold = thresholdOf(input);
  if (
    !Number.isInteger(input.windowMinutes) ||
    input.windowMinutes < 1 ||
    input.windowMinutes > WINDOW_MINUTES_MAX
  ) {
    throw new BadUserInputError(`windowMinutes must be 1 to ${WINDOW_MINUTES_MAX}`, 'input.windowMinutes');
  }
  const minimumSamples = input.minimumSamples ?? 3;
  if (!Number.isInteger(minimumSamples) || minimumSamples < 1) {
    throw new BadUserInputError('minimumSamples must be an integer ≥ 1', 'input.minimumSamples');
  }
  return {
    id,
    name,
    kpi: input.kpi,
    comparator: input.comparator,
    threshold,
    windowMinutes: input.windowMinutes,
    minimumSamples,
    dimensionKind: input.dimension?.kind ?? input.dimensionKindOnly ?? 'OVERALL',
    dimensionValue: input.dimension
      ? input.dimension.kind === 'OVERALL'
        ? '*'
        : input.dimension.value
      : null,
    severity: input.severity,
    version: 0,
    createdAt: now,
  };
}

/** The stored threshold: the input's for ABOVE/BELOW; 0 for MISSES_TARGET, which reads the target instead. */
function thresholdOf(input: NewRuleInput): number {
  if (input.comparator === 'MISSES_TARGET') {
    if (TARGET_OF_RULE_KPI[input.kpi] === undefined) {
      throw new BadUserInputError(`${input.kpi} has no target; MISSES_TARGET needs one`, 'input.kpi');
    }
    if (input.threshold !== null && input.threshold !== undefined) {
      throw new BadUserInputError(
        'a MISSES_TARGET rule takes its threshold from the target',
        'input.threshold',
      );
    }
    return 0;
  }
  const threshold = input.threshold;
  if (threshold === null || threshold === undefined || !Number.isFinite(threshold) || threshold < 0) {
    throw new BadUserInputError('threshold must be a number ≥ 0', 'input.threshold');
  }
  return threshold;
}

/** Whether the rule watches this dimension. */
export function watches(rule: MonitoringRule, dimension: Dimension): boolean {
  return (
    rule.dimensionKind === dimension.kind &&
    (rule.dimensionValue === null || rule.dimensionValue === dimension.value)
  );
}

export interface Measured {
  value: number | null;
  samples: number;
}

/**
 * The value a rule watches over its window: `window` holds the window's facts, `baseline` (TICKET_SURGE only) the
 * trailing 7 days before the window. A surge is the window's intake over the baseline's mean intake per window;
 * a quiet baseline counts as one ticket in the 7 days, so the ratio stays finite.
 */
export function measure(rule: MonitoringRule, window: CellCounters, baseline?: CellCounters): Measured {
  switch (rule.kpi) {
    case 'SLA_BREACH_RATE':
      return { value: ratio(window.slaBreached, window.slaKnown), samples: window.slaKnown };
    case 'COMPLAINT_RATE':
      return { value: ratio(window.complaints, window.intake), samples: window.intake };
    case 'CSAT_AVERAGE':
      return { value: ratio(window.surveyScoreTotal, window.surveys), samples: window.surveys };
    case 'FIRST_RESPONSE_AVERAGE_SECONDS':
      return { value: ratio(window.responseSecondsTotal, window.responses), samples: window.responses };
    case 'TICKETS':
      return { value: window.intake, samples: window.intake };
    case 'TICKET_SURGE': {
      const windows = SURGE_BASELINE_MS / (rule.windowMinutes * 60_000);
      const mean = Math.max(baseline?.intake ?? 0, 1) / windows;
      return { value: window.intake / mean, samples: window.intake };
    }
  }
}

/** A condition with its threshold resolved: the rule's own, or the one its target implies. */
export interface Condition {
  comparator: 'ABOVE' | 'BELOW';
  threshold: number;
}

/**
 * The condition a rule judges for one dimension. A MISSES_TARGET rule misses an AT_LEAST target when the value is
 * below it and an AT_MOST target when above it (an attained target is not a miss: `attainment` in targets/ uses
 * the same bounds); with no target for the dimension there is nothing to miss (null).
 */
export function conditionOf(
  rule: MonitoringRule,
  target: Pick<KpiTarget, 'comparator' | 'target'> | null,
): Condition | null {
  if (rule.comparator !== 'MISSES_TARGET') return { comparator: rule.comparator, threshold: rule.threshold };
  if (target === null) return null;
  return { comparator: target.comparator === 'AT_LEAST' ? 'BELOW' : 'ABOVE', threshold: target.target };
}

/** The condition: enough samples and the value beyond the threshold (strictly). No condition never holds. */
export function holds(
  rule: MonitoringRule,
  measured: Measured,
  condition = conditionOf(rule, null),
): boolean {
  if (condition === null || measured.value === null || measured.samples < rule.minimumSamples) return false;
  return condition.comparator === 'ABOVE'
    ? measured.value > condition.threshold
    : measured.value < condition.threshold;
}

/** The dimension an alert is about, from its label (`OVERALL` or `KIND:value`; a value may hold colons). */
export function dimensionOfLabel(label: string): Dimension {
  if (label === 'OVERALL') return { kind: 'OVERALL', value: '*' };
  const at = label.indexOf(':');
  return { kind: label.slice(0, at) as Dimension['kind'], value: label.slice(at + 1) };
}

export interface KpiAlertRecord {
  id: string;
  ruleId: string;
  /** `KIND:value`, or OVERALL. */
  dimension: string;
  status: AlertStatus;
  value: number;
  threshold: number;
  firedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  resolvedAt: Date | null;
  resolvedValue: number | null;
  version: number;
}

export const dimensionLabel = (dimension: Dimension): string =>
  dimension.kind === 'OVERALL' ? 'OVERALL' : `${dimension.kind}:${dimension.value}`;

/**
 * What the rule's condition does to the alert open for its rule and dimension: fire a new one when it holds and
 * none is open, resolve the open one when it no longer holds, otherwise nothing (an open alert is not re-fired:
 * one alert per condition).
 */
export function alertStep(open: KpiAlertRecord | null, conditionHolds: boolean): 'FIRE' | 'RESOLVE' | null {
  if (conditionHolds) return open === null ? 'FIRE' : null;
  return open === null ? null : 'RESOLVE';
}

export function firedAlert(
  id: string,
  rule: MonitoringRule,
  dimension: Dimension,
  value: number,
  at: Date,
  /** The threshold the value crossed: the rule's, or its target's for MISSES_TARGET. */
  threshold: number = rule.threshold,
): KpiAlertRecord {
  return {
    id,
    ruleId: rule.id,
    dimension: dimensionLabel(dimension),
    status: 'FIRING',
    value,
    threshold,
    firedAt: at,
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    resolvedValue: null,
    version: 0,
  };
}

export function resolvedAlert(alert: KpiAlertRecord, value: number | null, at: Date): KpiAlertRecord {
  if (alert.status === 'RESOLVED') throw new ConflictError('the alert is already RESOLVED');
  return { ...alert, status: 'RESOLVED', resolvedAt: at, resolvedValue: value };
}

export function acknowledgedAlert(alert: KpiAlertRecord, by: string, at: Date): KpiAlertRecord {
  if (alert.status !== 'FIRING')
    throw new ConflictError(`only a FIRING alert can be acknowledged; it is ${alert.status}`);
  return { ...alert, status: 'ACKNOWLEDGED', acknowledgedAt: at, acknowledgedBy: by };
}
