import { sqlMigration } from '../sql-migration';

export const CreateProcessedEvents1700000000001 = sqlMigration({
  name: 'CreateProcessedEvents1700000000001',
  up: [
    `
      create table processed_events (
        consumer text not null,
        event_id uuid not null,
        processed_at timestamptz not null default now(),
        primary key (consumer, event_id)
      )`,
  ],
  down: ['drop table processed_events'],
});
