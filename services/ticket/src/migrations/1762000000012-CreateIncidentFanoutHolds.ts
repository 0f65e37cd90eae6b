import { sqlMigration } from '@opsgraph/persistence';

/**
 * The tickets the incident fan-out holds for an incident (docs/product.md §5 "Fan-out"): linked or opened
 * on activation, released on resolution. It makes the fan-out idempotent beyond the inbox: a replay of the incident
 * topic finds every ticket already held or opened and changes nothing.
 */
export const CreateIncidentFanoutHolds1762000000012 = sqlMigration({
  name: 'CreateIncidentFanoutHolds1762000000012',
  up: [
    `
      create table incident_fanout_holds (
        incident_id uuid not null,
        ticket_id uuid not null references tickets (id),
        customer_id uuid not null,
        opened_by_fanout boolean not null,
        held_at timestamptz not null,
        released_at timestamptz null,
        primary key (incident_id, ticket_id)
      )`,
    `create unique index incident_fanout_holds_opened_idx on incident_fanout_holds (incident_id, customer_id)
       where opened_by_fanout`,
  ],
  down: ['drop table incident_fanout_holds'],
});
