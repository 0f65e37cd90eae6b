import { sqlMigration } from '@opsgraph/persistence';

export const CreateAssets1796214160694 = sqlMigration({
  name: 'CreateAssets1796214160694',
  up: [
    `
      create table assets (
        id uuid primary key,
        title text not null,
        version int not null,
        created_at timestamptz not null
      )`,
    'create index assets_created_idx on assets (created_at desc, id desc)',
    'create table asset_ticket_openings (day date primary key, opened int not null)',
  ],
  down: ['drop table asset_ticket_openings', 'drop table assets'],
});
