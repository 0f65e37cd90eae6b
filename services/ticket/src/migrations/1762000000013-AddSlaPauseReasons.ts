import { sqlMigration } from '@opsgraph/persistence';

/**
 * What holds a ticket's SLA clock (docs/product.md §12.2): pauses nest by reason, so the clock runs only when none
 * holds it. Existing paused clocks get the reasons their state implies: the status (waiting for the customer or
 * resolved/closed) and an incident hold not yet released.
 */
export const AddSlaPauseReasons1762000000013 = sqlMigration({
  name: 'AddSlaPauseReasons1762000000013',
  up: [
    `alter table tickets add column sla_pause_reasons text[] not null default '{}'`,
    `
      update tickets t set sla_pause_reasons = array_remove(array[
          case when t.status in ('PENDING_CUSTOMER', 'RESOLVED', 'CLOSED') then 'STATUS' end,
          case when exists (
            select 1 from incident_fanout_holds h where h.ticket_id = t.id and h.released_at is null
          ) then 'INCIDENT' end
        ], null)
      where t.sla_paused_since is not null`,
    // A paused clock whose state implies no reason (should not exist) keeps a STATUS hold rather than a bare pause.
    `update tickets set sla_pause_reasons = '{STATUS}'
       where sla_paused_since is not null and cardinality(sla_pause_reasons) = 0`,
    `alter table tickets add constraint tickets_sla_pause_reasons_check check (
       (sla_paused_since is null) = (cardinality(sla_pause_reasons) = 0)
       and sla_pause_reasons <@ array['STATUS', 'INCIDENT']::text[])`,
  ],
  down: [
    'alter table tickets drop constraint tickets_sla_pause_reasons_check',
    'alter table tickets drop column sla_pause_reasons',
  ],
});
