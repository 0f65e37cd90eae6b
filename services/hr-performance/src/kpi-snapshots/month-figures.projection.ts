// The KPI service's month snapshots of employees (opsgraph.kpi.snapshots.v1) → kpi_employee_months, what appraisals
// and training effects read. Consumer `hr-performance-kpi-snapshots`, replayable.
//
// Runs inside the consumer's transaction, which records the event in processed_events (a redelivery is skipped
// there); one that slips through (a republication, an older live update arriving late) is stopped by `supersedes`.
import { KpiSnapshotMonthUpdated, KpiSnapshotPeriodClosed } from '@opsgraph/contracts-events';
import { defineProjection, type Projection } from '@opsgraph/service-kit';
import type { EntityManager } from 'typeorm';
import { MONTH_FIGURES_TABLES, MonthFiguresRepository } from './month-figures.repository';
import { employeeMonthOf, type SnapshotEventLike } from './month-figures.rules';

export async function recordSnapshot(event: SnapshotEventLike, manager: EntityManager): Promise<void> {
  const month = employeeMonthOf(event);
  if (month) await new MonthFiguresRepository(manager).record(month);
}

export function monthFiguresProjection(): Projection {
  return defineProjection({
    name: 'kpi-snapshots',
    topics: ['kpi-snapshot'],
    handles: [KpiSnapshotPeriodClosed.type, KpiSnapshotMonthUpdated.type],
    handle: recordSnapshot,
    tables: MONTH_FIGURES_TABLES,
  });
}
