import { sqlMigration } from '@opsgraph/persistence';

/** A ticket merged into another (ticket.merged) stays in the history but no longer counts on its own. */
export const AddServiceHistoryMerges1795400000005 = sqlMigration({
  name: 'AddServiceHistoryMerges1795400000005',
  up: ['alter table service_history_tickets add column merged_into_id uuid null'],
  down: ['alter table service_history_tickets drop column merged_into_id'],
});
