import { sqlMigration } from '@opsgraph/persistence';

/** KPI targets: one per KPI and dimension. */
export const CreateTargets1796300000002 = sqlMigration({
  name: 'CreateTargets1796300000002',
  up: [
    `create table kpi_targets (
        id uuid primary key,
        kpi text not null,
        dimension_kind text not null,
        dimension_value text not null,
        comparator text not null,
        target double precision not null,
        version int not null,
        updated_at timestamptz not null,
        unique (kpi, dimension_kind, dimension_value)
      )`,
  ],
  down: ['drop table kpi_targets'],
});
