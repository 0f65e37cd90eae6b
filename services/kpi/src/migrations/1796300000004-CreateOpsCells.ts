import { sqlMigration } from '@opsgraph/persistence';

/** Asset-fault and incident facts and their day cells (docs/product.md §KPI). */
export const CreateOpsCells1796300000004 = sqlMigration({
  name: 'CreateOpsCells1796300000004',
  up: [
    'create table kpi_ops_facts (fact_key text primary key, fact jsonb not null)',
    `create table kpi_ops_day_cells (
        dimension_kind text not null,
        dimension_value text not null,
        day date not null,
        counters jsonb not null,
        primary key (dimension_kind, dimension_value, day)
      )`,
  ],
  down: ['drop table kpi_ops_day_cells', 'drop table kpi_ops_facts'],
});
