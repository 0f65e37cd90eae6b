import { sqlMigration } from '@opsgraph/persistence';

/** Canned replies with variables (docs/product.md §12.5): for every department (null) or one. */
export const CreateCannedReplies1762000000017 = sqlMigration({
  name: 'CreateCannedReplies1762000000017',
  up: [
    `
      create table canned_replies (
        id uuid primary key,
        version int not null check (version >= 1),
        department_id uuid null,
        title text not null,
        body text not null,
        created_at timestamptz not null,
        updated_at timestamptz not null
      )`,
    'create index canned_replies_department_idx on canned_replies (department_id)',
  ],
  down: ['drop table canned_replies'],
});
