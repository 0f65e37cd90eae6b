import { sqlMigration } from '@opsgraph/persistence';

/**
 * KPI snapshots on opsgraph.kpi.snapshots.v1 (docs/product.md §KPI "Snapshots"): one row per published period and
 * dimension (its aggregate version), the day cells changed by live events and waiting for their throttled update,
 * and the periods already closed.
 */
export const CreateSnapshots1796300000007 = sqlMigration({
  name: 'CreateSnapshots1796300000007',
  up: [
    `create table kpi_snapshots (
        id uuid primary key,
        period_kind text not null,
        period_start date not null,
        dimension_kind text not null,
        dimension_value text not null,
        version int not null,
        live_published_at timestamptz
      )`,
    `create unique index kpi_snapshots_key_uq
       on kpi_snapshots (period_kind, period_start, dimension_kind, dimension_value)`,
    `create table kpi_snapshot_pending (
        dimension_kind text not null,
        dimension_value text not null,
        day date not null,
        changed_at timestamptz not null,
        primary key (dimension_kind, dimension_value, day)
      )`,
    `create table kpi_period_closes (
        period_kind text not null,
        period_start date not null,
        period_end date not null,
        closed_at timestamptz not null,
        snapshots int not null,
        primary key (period_kind, period_start)
      )`,
  ],
  down: ['drop table kpi_period_closes', 'drop table kpi_snapshot_pending', 'drop table kpi_snapshots'],
});
