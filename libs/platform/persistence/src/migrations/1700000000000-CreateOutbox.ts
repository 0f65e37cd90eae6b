import { sqlMigration } from '../sql-migration';

export const CreateOutbox1700000000000 = sqlMigration({
  name: 'CreateOutbox1700000000000',
  up: [
    `
      create table outbox (
        id bigint generated always as identity primary key,
        event_id uuid not null unique,
        topic text not null,
        aggregate_type text not null,
        aggregate_id uuid not null,
        aggregate_version int not null,
        event_type text not null,
        payload jsonb not null,
        headers jsonb not null,
        created_at timestamptz not null default now(),
        published_at timestamptz null
      )`,
    // The relay's only query: `where published_at is null order by id`; this index stays as small as the backlog.
    'create index outbox_unpublished_idx on outbox (id) where published_at is null',
  ],
  down: ['drop table outbox'],
});
