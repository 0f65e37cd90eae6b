import { sqlMigration } from '@opsgraph/persistence';

// FAULT tickets naming an asset the ledger does not know (docs/product.md §4.1), kept until someone attaches them to
// the right asset (the row goes) or dismisses them (the row stays, so a replay of the ticket topic does not bring
// them back).
export const AddUnmatchedFaultTickets1796300000000 = sqlMigration({
  name: 'AddUnmatchedFaultTickets1796300000000',
  up: [
    `
      create table unmatched_fault_tickets (
        ticket_id uuid primary key,
        asset_id uuid not null,
        ticket_number text not null,
        opened_at timestamptz not null,
        ticket_resolved_at timestamptz null,
        received_at timestamptz not null,
        dismissed_at timestamptz null,
        dismiss_reason text null
      )`,
    `create index unmatched_fault_tickets_open_idx on unmatched_fault_tickets (received_at desc, ticket_id desc)
       where dismissed_at is null`,
  ],
  down: ['drop table unmatched_fault_tickets'],
});
