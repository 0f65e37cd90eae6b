import { sqlMigration } from '@opsgraph/persistence';

/** The KPI engine's read model: one fact per ticket, and per-day cells per dimension (docs/product.md §KPI). */
export const CreateKpiCells1796300000000 = sqlMigration({
  name: 'CreateKpiCells1796300000000',
  up: [
    // The generated example aggregate and read model are replaced by the engine.
    'drop table kpi_ticket_openings',
    'drop table kpis',
    'create table kpi_ticket_facts (ticket_id uuid primary key, fact jsonb not null)',
    `create table kpi_day_cells (
        dimension_kind text not null,
        dimension_value text not null,
        day date not null,
        counters jsonb not null,
        primary key (dimension_kind, dimension_value, day)
      )`,
  ],
  down: [
    'drop table kpi_day_cells',
    'drop table kpi_ticket_facts',
    'create table kpi_ticket_openings (day date primary key, opened int not null)',
    `create table kpis (id uuid primary key, title text not null, version int not null, created_at timestamptz not null)`,
    'create index kpis_created_idx on kpis (created_at desc, id desc)',
  ],
});
