// Monitoring rules and their alerts (docs/product.md §KPI "Monitoring"). Pure: what a rule is, the value it watches
// over a sliding window, whether its condition holds, and the alert lifecycle FIRING → ACKNOWLEDGED → RESOLVED.
import { BadUserInputError, ConflictError } from '@opsgraph/domain';
import { ratio, type CellCounters, type Dimension } from '../engine/cell.rules';

export const RULE_KPIS = [
  'SLA_BREACH_RATE',
  'COMPLAINT_RATE',
  'CSAT_AVERAGE',
  'FIRST_RESPONSE_AVERAGE_SECONDS',
  'TICKETS',
  'TICKET_SURGE',
] as const;
export type RuleKpi = (typeof RULE_KPIS)[number];
export const COMPARATORS = ['ABOVE', 'BELOW'] as const;
export type Comparator = (typeof COMPARATORS)[number];
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
  threshold: number;
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
  if (!Number.isFinite(input.threshold) || input.threshold < 0) {
    throw new BadUserInputError('threshold must be a number ≥ 0', 'input.threshold');
  }
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
    threshold: input.threshold,
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

/** The condition: enough samples and the value beyond the threshold (strictly). */
export function holds(rule: MonitoringRule, measured: Measured): boolean {
  if (measured.value === null || measured.samples < rule.minimumSamples) return false;
  return rule.comparator === 'ABOVE' ? measured.value > rule.threshold : measured.value < rule.threshold;
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
): KpiAlertRecord {
  return {
    id,
    ruleId: rule.id,
    dimension: dimensionLabel(dimension),
    status: 'FIRING',
    value,
    threshold: rule.threshold,
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
