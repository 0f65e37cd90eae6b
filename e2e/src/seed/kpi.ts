// Demo KPI targets and monitoring rules (docs/product.md §KPI), sent through the graph before the tickets so that
// the KPI service judges them as the demo's ticket events arrive: the weekly-intake rule is met by the seeded tickets
// and leaves a FIRING alert; the others fire when the demo data crosses them (the target-miss rule against the
// centre's SLA target). Idempotent: a target or rule that exists is not added again.
import type { GraphClient } from '../support/graph-client';

export interface KpiSeedContext {
  readonly client: GraphClient;
  readonly log: (message: string) => void;
}

const WEEK_MINUTES = 7 * 24 * 60;

export const DEMO_RULES = [
  {
    name: 'SLA breach rate above 10% over the last hour',
    kpi: 'SLA_BREACH_RATE',
    comparator: 'ABOVE',
    threshold: 0.1,
    windowMinutes: 60,
    dimensionKind: 'OVERALL',
    severity: 'CRITICAL',
  },
  {
    name: 'Ticket surge in one fault category (3× the 7-day hourly mean)',
    kpi: 'TICKET_SURGE',
    comparator: 'ABOVE',
    threshold: 3,
    windowMinutes: 60,
    minimumSamples: 5,
    dimensionKind: 'CATEGORY',
    severity: 'WARNING',
  },
  {
    name: 'CSAT below 4 over the last day, per department',
    kpi: 'CSAT_AVERAGE',
    comparator: 'BELOW',
    threshold: 4,
    windowMinutes: 24 * 60,
    minimumSamples: 5,
    dimensionKind: 'DEPARTMENT',
    severity: 'WARNING',
  },
  {
    name: 'SLA breach rate missing the centre’s target over the last day',
    kpi: 'SLA_BREACH_RATE',
    comparator: 'MISSES_TARGET',
    windowMinutes: 24 * 60,
    minimumSamples: 3,
    dimensionKind: 'OVERALL',
    severity: 'WARNING',
  },
  {
    name: 'More than 2 tickets taken in over the last 7 days',
    kpi: 'TICKETS',
    comparator: 'ABOVE',
    threshold: 2,
    windowMinutes: WEEK_MINUTES,
    minimumSamples: 1,
    dimensionKind: 'OVERALL',
    severity: 'INFO',
  },
] as const;

/** The centre's targets (P0 §三 「設定客戶滿意度目標值」): CSAT at least 4.5, at most 10 % of SLAs missed. */
export const DEMO_TARGETS = [
  { kpi: 'csatAverage', dimensionKind: 'OVERALL', comparator: 'AT_LEAST', target: 4.5 },
  { kpi: 'slaBreachRate', dimensionKind: 'OVERALL', comparator: 'AT_MOST', target: 0.1 },
] as const;

export async function seedKpiRules({ client, log }: KpiSeedContext): Promise<void> {
  const { kpi } = await client.data<{ kpi: { targets: { kpi: string }[] } }>(
    'query($p: KpiPeriodInput!) { kpi(period: $p) { targets { kpi } } }',
    { p: { kind: 'DAY', date: new Date().toISOString().slice(0, 10) } },
  );
  const present = new Set(kpi.targets.map((target) => target.kpi));
  const missing = DEMO_TARGETS.filter((target) => !present.has(target.kpi));
  for (const input of missing) {
    await client.data('mutation($input: SetKpiTargetInput!) { setKpiTarget(input: $input) { id } }', {
      input,
    });
  }
  log(`kpi: ${missing.length} targets (${DEMO_TARGETS.length - missing.length} present)`);
  const { monitoringRules } = await client.data<{ monitoringRules: unknown[] }>('{ monitoringRules { id } }');
  if (monitoringRules.length > 0) {
    log(`kpi: ${monitoringRules.length} monitoring rules present, nothing to add`);
    return;
  }
  for (const input of DEMO_RULES) {
    await client.data(
      'mutation($input: CreateMonitoringRuleInput!) { createMonitoringRule(input: $input) { id } }',
      { input },
    );
  }
  log(`kpi: ${DEMO_RULES.length} monitoring rules`);
}
