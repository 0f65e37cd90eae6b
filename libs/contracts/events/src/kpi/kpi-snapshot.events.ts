// Events of the KPI service on `opsgraph.kpi.snapshots.v1`: the KPI figures of one period and dimension, published
// when the period closes (day, ISO week, month, quarter, year), for the current day's cells as live updates at
// most once per minute per cell, and for the running month of a department or employee at most once per minute
// per dimension. One aggregate per period and dimension (the same id for every publication of it),
// so its events stay ordered in one partition and `aggregateVersion` counts its publications. For analytics and the
// HR service's appraisals (month closes).
import { Type } from '@sinclair/typebox';
import { defineEvent, type EventOf } from '../define-event';
import { DateOnly, DateTime, Nullable, StringEnum, Text, Uuid } from '../schema';

export const KPI_SNAPSHOT_PERIOD_KINDS = ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'] as const;

const rate = (description: string) =>
  Nullable(Type.Number({ minimum: 0, maximum: 1 }), {
    description: `${description}; null: nothing to measure`,
  });
const seconds = (description: string) =>
  Nullable(Type.Number({ minimum: 0 }), { description: `${description}, seconds; null: nothing to measure` });
const count = (description: string) => Type.Integer({ minimum: 0, description });

const snapshotData = Type.Object(
  {
    snapshotId: Uuid({
      description: 'The period and dimension (the aggregate): the same for each publication',
    }),
    periodKind: StringEnum(KPI_SNAPSHOT_PERIOD_KINDS),
    periodStart: DateOnly({ description: 'First civil day of the period, inclusive' }),
    periodEnd: DateOnly({ description: 'Last civil day of the period, inclusive' }),
    timeZone: Text({ description: 'The IANA zone whose civil days the figures are bucketed in' }),
    dimensionKind: Text({
      description:
        'OVERALL, DEPARTMENT, EMPLOYEE, CHANNEL, KIND, CATEGORY, CUSTOMER_TIER, ASSET_CATEGORY or INCIDENT_SEVERITY',
    }),
    dimensionValue: Text({
      description: "The department or employee id, the channel, kind, …; '*' for OVERALL",
    }),
    figures: Type.Object(
      {
        tickets: count('Tickets opened in the period'),
        ticketsResolved: count('Resolutions in the period'),
        resolutionRate: rate('Share of the intake resolved now'),
        complaints: count('Complaints among the intake'),
        complaintRate: rate('Complaints ÷ tickets opened'),
        reopenRate: rate('Share of the intake reopened at least once'),
        firstResponseCount: count('First responses in the period'),
        firstResponseAverageSeconds: seconds('Mean first-response time'),
        firstResponseP50Seconds: seconds('Median first-response time (DDSketch, within 1 %)'),
        firstResponseP90Seconds: seconds('90th percentile first-response time (DDSketch, within 1 %)'),
        resolutionAverageSeconds: seconds('Mean resolution time'),
        resolutionP50Seconds: seconds('Median resolution time (DDSketch, within 1 %)'),
        resolutionP90Seconds: seconds('90th percentile resolution time (DDSketch, within 1 %)'),
        slaBreachRate: rate('Resolutions that missed their SLA ÷ resolutions under an SLA'),
        surveyCount: count('Surveys on the period’s resolutions'),
        csatAverage: Nullable(Type.Number({ minimum: 1, maximum: 5 }), {
          description: 'Average overall survey score; null: no survey',
        }),
        csatDistribution: Type.Array(Type.Integer({ minimum: 0 }), {
          minItems: 5,
          maxItems: 5,
          description: 'Surveys by overall score 1 to 5',
        }),
        backlogAtEnd: Type.Integer({
          description: 'Tickets opened by the period end and not resolved by then',
        }),
        complaintsAgainst: Type.Optional(
          count(
            'Complaints opened in the period whose investigation held this department or employee responsible ' +
              '(the newest investigation decides); present on DEPARTMENT and EMPLOYEE snapshots',
          ),
        ),
      },
      {
        additionalProperties: false,
        description: 'Ticket figures (all 0 / null for an asset or incident cut)',
      },
    ),
    operations: Type.Optional(
      Nullable(
        Type.Object(
          {
            assetFaults: count('Asset faults reported in the period'),
            assetRepairs: count('Asset faults repaired in the period'),
            assetMttrSeconds: seconds('Mean time to repair of the faults repaired in the period'),
            assetRepairP90Seconds: seconds('90th percentile repair time (DDSketch, within 1 %)'),
            assetDowntimeSeconds: Type.Number({
              minimum: 0,
              description: 'Downtime of the faults repaired in the period, seconds',
            }),
            incidents: count('Incidents that occurred in the period'),
            incidentsResolved: count('Incidents resolved in the period'),
            incidentResolveAverageSeconds: seconds('Mean incident time to resolve'),
            incidentResolveP90Seconds: seconds(
              '90th percentile incident time to resolve (DDSketch, within 1 %)',
            ),
            praises: count('Praise letters first credited in the period'),
          },
          { additionalProperties: false },
        ),
        {
          description:
            'Asset-fault, incident and praise figures of the period and dimension (OVERALL, ASSET_CATEGORY, ' +
            'INCIDENT_SEVERITY, EMPLOYEE); absent or null when the dimension has no such cells',
        },
      ),
    ),
    asOf: DateTime({ description: 'When these figures were read from the cells' }),
  },
  { additionalProperties: false },
);

export const KpiSnapshotPeriodClosed = defineEvent({
  type: 'kpi-snapshot.period_closed',
  version: 1,
  aggregateType: 'kpi-snapshot',
  description:
    'A period ended (in the KPI time zone): its figures for one dimension, once per period and dimension. ' +
    'Later events (a late survey) change the live figures, never a published close.',
  data: snapshotData,
});

export const KpiSnapshotLiveUpdated = defineEvent({
  type: 'kpi-snapshot.live_updated',
  version: 1,
  aggregateType: 'kpi-snapshot',
  description:
    'The figures of one day cell (periodKind DAY) after ticket, asset-fault, incident or praise events changed ' +
    'it: at most once per minute per cell, the newest figures at the time of publication.',
  data: snapshotData,
});

export const KpiSnapshotMonthUpdated = defineEvent({
  type: 'kpi-snapshot.month_updated',
  version: 1,
  aggregateType: 'kpi-snapshot',
  description:
    'A month (periodKind MONTH, in the KPI time zone; the running one or, after late or back-dated events, an ' +
    'earlier one) of one DEPARTMENT or EMPLOYEE dimension after events changed one of its day cells in that ' +
    'month: the merge of its day cells of the month, at most once per minute per dimension and month, the newest ' +
    "figures at the time of publication (the same aggregate as that month's period_closed, which it never " +
    'replaces: consumers keep a close over month updates).',
  data: snapshotData,
});

export const kpiSnapshotEventDefinitions = [
  KpiSnapshotPeriodClosed,
  KpiSnapshotLiveUpdated,
  KpiSnapshotMonthUpdated,
] as const;

export type KpiSnapshotEvent = EventOf<(typeof kpiSnapshotEventDefinitions)[number]>;
export type KpiSnapshotData = KpiSnapshotEvent['data'];
