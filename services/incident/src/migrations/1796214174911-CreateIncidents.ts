import { sqlMigration } from '@opsgraph/persistence';

export const CreateIncidents1796214174911 = sqlMigration({
  name: 'CreateIncidents1796214174911',
  up: [
    `
      create table incidents (
        id uuid primary key,
        title text not null,
        version int not null,
        created_at timestamptz not null
      )`,
    'create index incidents_created_idx on incidents (created_at desc, id desc)',
    'create table incident_ticket_openings (day date primary key, opened int not null)',
  ],
  down: ['drop table incident_ticket_openings', 'drop table incidents'],
});
