import { sqlMigration } from '@opsgraph/persistence';

/**
 * Employee.kpi and Department.kpi from the day cells (docs/product.md §KPI): each ticket cell gains complaints
 * against (0) and its latest event (null) — `npm run kpi:replay-definition` rebuilds both from the facts — and the
 * running months of departments and employees changed by live events wait here for their throttled
 * `kpi-snapshot.month_updated`.
 */
export const OrgFiguresFromCells1796300000021 = sqlMigration({
  name: 'OrgFiguresFromCells1796300000021',
  up: [
    `update kpi_day_cells set counters = counters || '{"complaintsAgainst": 0, "lastEventAt": null}'::jsonb
     where not counters ? 'complaintsAgainst'`,
    `create table kpi_snapshot_month_pending (
        dimension_kind text not null,
        dimension_value text not null,
        month_start date not null,
        changed_at timestamptz not null,
        primary key (dimension_kind, dimension_value, month_start)
      )`,
  ],
  down: [
    'drop table kpi_snapshot_month_pending',
    `update kpi_day_cells set counters = counters - 'complaintsAgainst' - 'lastEventAt'`,
  ],
});
