import { sqlMigration } from '@opsgraph/persistence';

/**
 * KPI definitions (docs/product.md §KPI "Definitions"): every published version of the formulas' parameters, the
 * latest version and the one the ticket day cells are computed under (`applied`, moved only by the definition
 * replay), and the version on each ticket cell. Version 1 holds the parameters the engine used before.
 */
export const CreateKpiDefinitions1796300000012 = sqlMigration({
  name: 'CreateKpiDefinitions1796300000012',
  up: [
    `create table kpi_definitions (
        version int primary key,
        parameters jsonb not null,
        note text,
        published_at timestamptz not null,
        published_by text
      )`,
    `insert into kpi_definitions (version, parameters, note, published_at)
       values (1, '{"slaGraceSeconds": 0, "firstResponse": "ACKNOWLEDGEMENT"}', 'initial definition', now())`,
    `create table kpi_definition_state (
        id int primary key check (id = 1),
        latest int not null references kpi_definitions (version),
        applied int not null references kpi_definitions (version),
        applied_at timestamptz
      )`,
    'insert into kpi_definition_state (id, latest, applied) values (1, 1, 1)',
    'alter table kpi_day_cells add column definition_version int not null default 1',
  ],
  down: [
    'alter table kpi_day_cells drop column definition_version',
    'drop table kpi_definition_state',
    'drop table kpi_definitions',
  ],
});
