import { sqlMigration } from '@opsgraph/persistence';

/**
 * While `import_hold_until` lies ahead, a historical import (changes with `occurredAt`) is replaying the ticket's life,
 * and the SLA scanner and the auto-close job leave the ticket alone: measured against the wall clock, a ticket opened
 * 90 days ago whose acknowledgement is the import's next call would be flagged as breached.
 */
export const AddTicketImportHold1762000000003 = sqlMigration({
  name: 'AddTicketImportHold1762000000003',
  up: ['alter table tickets add column import_hold_until timestamptz null'],
  down: ['alter table tickets drop column import_hold_until'],
});
