import { sqlMigration } from '@opsgraph/persistence';

export const CreateKpis1796217628333 = sqlMigration({
  name: 'CreateKpis1796217628333',
  up: [
    `
      create table kpis (
        id uuid primary key,
        title text not null,
        version int not null,
        created_at timestamptz not null
      )`,
    'create index kpis_created_idx on kpis (created_at desc, id desc)',
    'create table kpi_ticket_openings (day date primary key, opened int not null)',
  ],
  down: ['drop table kpi_ticket_openings', 'drop table kpis'],
});
