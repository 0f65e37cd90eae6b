import { sqlMigration } from '@opsgraph/persistence';

/** Merging duplicates (docs/product.md §12.4): the duplicate is closed as MERGED and points to its survivor. */
export const AddTicketMerges1762000000019 = sqlMigration({
  name: 'AddTicketMerges1762000000019',
  up: [
    'alter table tickets add column merged_into_id uuid null references tickets (id)',
    'alter table tickets drop constraint tickets_close_reason_check',
    `alter table tickets add constraint tickets_close_reason_check
       check (close_reason in ('CUSTOMER_CONFIRMED', 'AGENT', 'AUTO_CLOSED', 'MERGED'))`,
    'create index tickets_merged_into_idx on tickets (merged_into_id) where merged_into_id is not null',
  ],
  down: [
    "update tickets set close_reason = 'AGENT' where close_reason = 'MERGED'",
    'alter table tickets drop constraint tickets_close_reason_check',
    `alter table tickets add constraint tickets_close_reason_check
       check (close_reason in ('CUSTOMER_CONFIRMED', 'AGENT', 'AUTO_CLOSED'))`,
    'alter table tickets drop column merged_into_id',
  ],
});
