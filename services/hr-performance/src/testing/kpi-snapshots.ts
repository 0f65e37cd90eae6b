// Test support: the KPI service's month snapshots of an employee, as it publishes them on opsgraph.kpi.snapshots.v1
// (a month's live updates and its close share one aggregate), and the worked example the specs score.
import {
  createEvent,
  KpiSnapshotMonthUpdated,
  KpiSnapshotPeriodClosed,
  type KpiSnapshotData,
  type KpiSnapshotEvent,
  SYSTEM_ACTOR,
} from '@opsgraph/contracts-events';
import { randomUUID } from 'node:crypto';

export type SnapshotFigures = Pick<
  KpiSnapshotData['figures'],
  'tickets' | 'ticketsResolved' | 'resolutionRate' | 'slaBreachRate' | 'surveyCount' | 'csatAverage'
> & { complaintsAgainst?: number };

/**
 * Ana's March, the specs' worked example: 4 tickets opened, 3 resolved (75 %), 1 of 3 resolutions late, surveys 5
 * and 3 (4.0). For a CS agent: quality mean(75, 100) = 87.5, efficiency 66.67, weighed 25:20 → kpiScore 78.24;
 * customerScore (4 − 1)/4 = 75.
 */
export const MARCH_FIGURES: SnapshotFigures = {
  tickets: 4,
  ticketsResolved: 3,
  resolutionRate: 0.75,
  slaBreachRate: 1 / 3,
  surveyCount: 2,
  csatAverage: 4,
};

const lastDay = (month: string): string => {
  const [year, mm] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(year, mm, 0)).getUTCDate()).padStart(2, '0')}`;
};

/** Builds the snapshots of months; each (dimension, month) keeps one aggregate id and counts its versions. */
export function snapshotFactory() {
  const aggregates = new Map<string, { id: string; version: number }>();
  return (
    kind: 'LIVE' | 'CLOSED',
    spec: {
      employeeId: string;
      month: string;
      asOf: string;
      figures: SnapshotFigures;
      dimensionKind?: string;
      periodKind?: 'MONTH' | 'DAY';
    },
  ): KpiSnapshotEvent => {
    const dimensionKind = spec.dimensionKind ?? 'EMPLOYEE';
    const key = `${dimensionKind}|${spec.employeeId}|${spec.month}|${spec.periodKind ?? 'MONTH'}`;
    const aggregate = aggregates.get(key) ?? { id: randomUUID(), version: 0 };
    aggregate.version += 1;
    aggregates.set(key, aggregate);
    const day = spec.periodKind === 'DAY';
    const data: KpiSnapshotData = {
      snapshotId: aggregate.id,
      periodKind: spec.periodKind ?? 'MONTH',
      periodStart: day ? spec.asOf.slice(0, 10) : `${spec.month}-01`,
      periodEnd: day ? spec.asOf.slice(0, 10) : lastDay(spec.month),
      timeZone: 'UTC',
      dimensionKind,
      dimensionValue: spec.employeeId,
      figures: {
        complaints: 0,
        complaintRate: null,
        reopenRate: null,
        firstResponseCount: 0,
        firstResponseAverageSeconds: null,
        firstResponseP50Seconds: null,
        firstResponseP90Seconds: null,
        resolutionAverageSeconds: null,
        resolutionP50Seconds: null,
        resolutionP90Seconds: null,
        csatDistribution: [0, 0, 0, 0, 0],
        backlogAtEnd: 0,
        ...spec.figures,
      },
      asOf: spec.asOf,
    };
    const fields = {
      aggregateId: aggregate.id,
      aggregateVersion: aggregate.version,
      occurredAt: spec.asOf,
      producer: 'kpi',
      actor: SYSTEM_ACTOR,
      data,
    };
    return kind === 'CLOSED'
      ? createEvent(KpiSnapshotPeriodClosed, fields)
      : createEvent(KpiSnapshotMonthUpdated, fields);
  };
}
