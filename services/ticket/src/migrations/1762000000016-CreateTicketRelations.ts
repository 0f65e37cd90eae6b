import { sqlMigration } from '@opsgraph/persistence';

/** Related links and parent/child between tickets (docs/product.md §12.4); a child has one parent. */
export const CreateTicketRelations1762000000016 = sqlMigration({
  name: 'CreateTicketRelations1762000000016',
  up: [
    `
      create table ticket_relations (
        from_id uuid not null references tickets (id),
        to_id uuid not null references tickets (id),
        kind text not null check (kind in ('RELATED', 'PARENT_OF')),
        created_at timestamptz not null,
        primary key (from_id, to_id, kind),
        check (from_id <> to_id)
      )`,
    `create unique index ticket_relations_one_parent_idx on ticket_relations (to_id) where kind = 'PARENT_OF'`,
    'create index ticket_relations_to_idx on ticket_relations (to_id)',
  ],
  down: ['drop table ticket_relations'],
});
