import { sqlMigration } from '@opsgraph/persistence';

/** A ticket merged into another (ticket.merged) keeps its fact but counts in no figure: its survivor does. */
export const AddTicketFactMerges1760000000007 = sqlMigration({
  name: 'AddTicketFactMerges1760000000007',
  up: ['alter table kpi_ticket_facts add column merged_into_id uuid null'],
  down: ['alter table kpi_ticket_facts drop column merged_into_id'],
});
