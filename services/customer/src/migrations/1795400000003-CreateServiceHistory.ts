import { sqlMigration } from '@opsgraph/persistence';

export const CreateServiceHistory1795400000003 = sqlMigration({
  name: 'CreateServiceHistory1795400000003',
  up: [
    // One row per ticket seen on the ticket topic (see projections/service-history.rules.ts). No foreign key to
    // customers: ticket events may name a customer before (or without) this service knowing it.
    `
      create table service_history_tickets (
        ticket_id uuid primary key,
        customer_id uuid not null,
        number text not null,
        kind text not null,
        status text not null,
        opened_at timestamptz not null,
        snapshot_version int not null,
        last_contact_at timestamptz not null,
        satisfaction smallint null,
        survey_version int null
      )`,
    'create index sht_customer_contact_idx on service_history_tickets (customer_id, last_contact_at desc)',
    `create index sht_customer_complaint_idx on service_history_tickets (customer_id, opened_at desc, ticket_id desc)
         where kind = 'COMPLAINT'`,
    // The per-customer summary, read in O(1) by Customer.serviceHistory.
    `
      create table customer_service_history (
        customer_id uuid primary key,
        tickets_total int not null default 0 check (tickets_total >= 0),
        tickets_open int not null default 0 check (tickets_open >= 0),
        complaints int not null default 0 check (complaints >= 0),
        satisfaction_sum int not null default 0,
        satisfaction_count int not null default 0 check (satisfaction_count >= 0),
        last_contact_at timestamptz null,
        last_complaint_ticket_id uuid null,
        last_complaint_number text null,
        last_complaint_at timestamptz null
      )`,
  ],
  down: ['drop table customer_service_history', 'drop table service_history_tickets'],
});
