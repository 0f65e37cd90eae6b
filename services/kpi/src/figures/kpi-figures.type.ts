import {
  ASSET_CATEGORIES,
  CUSTOMER_TIERS,
  FAULT_CATEGORIES,
  INCIDENT_SEVERITIES,
  TICKET_CHANNELS,
  TICKET_KINDS,
} from '@opsgraph/contracts-events';
import { graphqlEnumOf } from '@opsgraph/graphql-kit';
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { DIMENSION_KINDS, type DimensionKind } from '../engine/cell.rules';
import { PERIOD_KINDS, type PeriodKind } from '../engine/period.rules';
import {
  TARGET_COMPARATORS,
  TARGET_KPIS,
  type TargetComparator,
  type TargetKpi,
} from '../targets/target.rules';

export const KpiPeriodKind = graphqlEnumOf(
  PERIOD_KINDS,
  'KpiPeriodKind',
  'Calendar periods in the KPI time zone; WEEK is the ISO week (Monday first)',
  {
    DAY: 'One civil day',
    WEEK: 'An ISO week, Monday to Sunday',
    MONTH: 'A calendar month',
    QUARTER: 'A calendar quarter',
    YEAR: 'A calendar year',
  },
);
export const KpiDimensionKind = graphqlEnumOf(
  DIMENSION_KINDS,
  'KpiDimensionKind',
  'What the figures are cut by',
  {
    OVERALL: 'The whole centre',
    DEPARTMENT: 'One lead department (optionally with its subtree)',
    EMPLOYEE: 'One assignee',
    CHANNEL: 'One intake channel',
    KIND: 'One ticket kind',
    CATEGORY: 'One fault category',
    CUSTOMER_TIER:
      'The ticket customer’s current tier (STANDARD, KEY_ACCOUNT, VIP), from the customer topic; a tier change ' +
      'moves the customer’s tickets to the new tier',
    ASSET_CATEGORY: 'One asset category (asset figures)',
    INCIDENT_SEVERITY: 'One incident severity (incident figures)',
  },
);

export const DIMENSION_VALUES: Partial<Record<DimensionKind, readonly string[]>> = {
  CHANNEL: TICKET_CHANNELS,
  KIND: TICKET_KINDS,
  CATEGORY: FAULT_CATEGORIES,
  CUSTOMER_TIER: CUSTOMER_TIERS,
  ASSET_CATEGORY: ASSET_CATEGORIES,
  INCIDENT_SEVERITY: INCIDENT_SEVERITIES,
};

@InputType({ description: 'The period: its kind and any date in it' })
export class KpiPeriodInput {
  @Field(() => KpiPeriodKind, { description: 'Day, ISO week, month, quarter or year' })
  kind: PeriodKind;

  @Field({ description: 'Any date (YYYY-MM-DD) in the period, in the KPI time zone' })
  date: string;
}

@InputType({
  description:
    'The cut: OVERALL, or one department (with its subtree), employee, channel, kind, category, customer tier',
})
export class KpiDimensionInput {
  @Field(() => KpiDimensionKind, { description: 'What the figures are cut by' })
  kind: DimensionKind;

  @Field(() => String, {
    nullable: true,
    description: 'Department or employee id (UUID), or the channel / kind / category value; none for OVERALL',
  })
  value?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'DEPARTMENT only: merge the cells of every department below it too (default false)',
  })
  includeSubdepartments?: boolean | null;
}

@ObjectType({ description: 'A calendar period of the KPI figures' })
export class KpiPeriod {
  @Field(() => KpiPeriodKind, { description: 'The period’s kind' })
  kind: PeriodKind;

  @Field({ description: 'First day, inclusive' })
  start: string;

  @Field({ description: 'Last day, inclusive' })
  end: string;
}

export const KpiTargetKpi = graphqlEnumOf(
  TARGET_KPIS,
  'KpiTargetKpi',
  'A KpiReport figure a target can be set on',
  {
    complaintRate: 'Complaints ÷ tickets opened (0–1)',
    csatAverage: 'Average overall satisfaction (1–5)',
    firstResponseAverageSeconds: 'Mean first-response time, seconds',
    firstResponseP90Seconds: '90th percentile first-response time, seconds',
    reopenRate: 'Share of intake reopened at least once (0–1)',
    resolutionAverageSeconds: 'Mean resolution time, seconds',
    resolutionRate: 'Share of intake resolved (0–1)',
    slaBreachRate: 'Share of resolutions under an SLA that missed it (0–1)',
  },
);
export const KpiTargetComparator = graphqlEnumOf(
  TARGET_COMPARATORS,
  'KpiTargetComparator',
  'How a figure meets its target',
  {
    AT_LEAST: 'Attained when the figure is at least the target',
    AT_MOST: 'Attained when the figure is at most the target',
  },
);

@ObjectType({ description: 'A target of the dimension and how the period measures up to it' })
export class KpiAttainment {
  @Field(() => KpiTargetKpi, { description: 'The figure targeted' })
  kpi: TargetKpi;

  @Field(() => KpiTargetComparator, { description: 'AT_LEAST or AT_MOST the target' })
  comparator: TargetComparator;

  @Field(() => Float, { description: 'The target value, in the figure’s unit' })
  target: number;

  @Field(() => Float, {
    description: 'The period’s figure; null when the period has nothing to measure',
    nullable: true,
  })
  actual: number | null;

  @Field(() => Boolean, { nullable: true, description: 'null when the period has nothing to measure' })
  attained: boolean | null;
}

@ObjectType('KpiReport', {
  description:
    'KPI figures of one period and dimension, merged from day cells. Percentiles are within 1 % of the exact ' +
    'nearest-rank value (DDSketch); a rate is null when there is nothing to measure.',
})
export class KpiReport {
  @Field(() => KpiPeriod, { description: 'The period reported' })
  period: KpiPeriod;

  @Field(() => KpiDimensionKind, { description: 'The cut' })
  dimensionKind: DimensionKind;

  @Field(() => String, {
    description: 'The cut’s value (id or enum value); null for OVERALL',
    nullable: true,
  })
  dimensionValue: string | null;

  @Field(() => Boolean, { description: "Whether a department's figures include its subdepartments" })
  includeSubdepartments: boolean;

  @Field(() => Int, {
    description:
      'The KPI formula definition version the ticket figures were computed under (every ticket cell carries it; ' +
      'see kpiFormulaDefinitions)',
  })
  definitionVersion: number;

  @Field(() => Int, { description: 'Tickets opened in the period' })
  tickets: number;

  @Field(() => Int, { description: 'Tickets resolved in the period' })
  ticketsResolved: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Of the tickets opened in the period, the share resolved now',
  })
  resolutionRate: number | null;

  @Field(() => Int, { description: 'Complaints opened in the period' })
  complaints: number;

  @Field(() => Float, { nullable: true, description: 'Complaints ÷ tickets opened in the period' })
  complaintRate: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Of the tickets opened in the period, the share reopened',
  })
  reopenRate: number | null;

  @Field(() => Int, { description: 'First responses in the period' })
  firstResponseCount: number;

  @Field(() => Float, {
    description:
      'Mean seconds from opening to acknowledgement of the first responses in the period; null when none',
    nullable: true,
  })
  firstResponseAverageSeconds: number | null;

  @Field(() => Float, {
    description: 'Median first-response time in seconds, within 1 % of the exact value; null when none',
    nullable: true,
  })
  firstResponseP50Seconds: number | null;

  @Field(() => Float, {
    description: '90th percentile of first-response time in seconds, within 1 %; null when none',
    nullable: true,
  })
  firstResponseP90Seconds: number | null;

  @Field(() => Float, {
    description:
      'Mean seconds from opening to resolution of the tickets resolved in the period; null when none',
    nullable: true,
  })
  resolutionAverageSeconds: number | null;

  @Field(() => Float, {
    description: 'Median resolution time in seconds, within 1 %; null when none',
    nullable: true,
  })
  resolutionP50Seconds: number | null;

  @Field(() => Float, {
    description: '90th percentile of resolution time in seconds, within 1 %; null when none',
    nullable: true,
  })
  resolutionP90Seconds: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Of the tickets resolved under an SLA, the share that missed it',
  })
  slaBreachRate: number | null;

  @Field(() => Int, {
    description: 'Satisfaction surveys counted in the period (on the day of the resolution)',
  })
  surveyCount: number;

  @Field(() => Float, { nullable: true, description: 'Average overall satisfaction score (1–5)' })
  csatAverage: number | null;

  @Field(() => [Int], { description: 'Surveys by overall score; index 0 is score 1' })
  csatDistribution: number[];

  @Field(() => Int, { description: 'Tickets opened by the end of the period and not resolved by then' })
  backlogAtEnd: number;

  @Field(() => Int, { description: 'Asset faults reported in the period' })
  assetFaults: number;

  @Field(() => Int, { description: 'Asset faults repaired in the period' })
  assetRepairs: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean time to repair of the faults repaired in the period',
  })
  assetMttrSeconds: number | null;

  @Field(() => Float, {
    description:
      '90th percentile of repair time (reported → repaired) of the faults repaired in the period, within 1 %; null when none',
    nullable: true,
  })
  assetRepairP90Seconds: number | null;

  @Field(() => Float, { description: 'Downtime (reported → repaired) of the faults repaired in the period' })
  assetDowntimeSeconds: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'OVERALL or ASSET_CATEGORY: 1 − downtime ÷ (assets in service × period length); null for other cuts',
  })
  assetAvailability: number | null;

  @Field(() => Int, { description: 'Incidents that occurred in the period' })
  incidents: number;

  @Field(() => Int, { description: 'Incidents resolved in the period' })
  incidentsResolved: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean time to resolve of the incidents resolved in the period',
  })
  incidentResolveAverageSeconds: number | null;

  @Field(() => Float, {
    description: '90th percentile of incident time to resolve in seconds, within 1 %; null when none',
    nullable: true,
  })
  incidentResolveP90Seconds: number | null;

  @Field(() => Int, {
    description:
      'Praise letters first credited in the period; for an EMPLOYEE, the letters crediting them (after corrections)',
  })
  praises: number;

  @Field(() => [KpiAttainment], { description: 'The targets set for this dimension, with attainment' })
  targets: KpiAttainment[];
}
