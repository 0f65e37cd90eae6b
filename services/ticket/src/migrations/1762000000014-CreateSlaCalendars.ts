import { sqlMigration } from '@opsgraph/persistence';

/**
 * SLA calendars (docs/product.md §12.1): opening hours and holidays in a time zone, assigned to a customer tier, a
 * department or a priority's SLA policy (one calendar per scope and key). A ticket keeps a snapshot of the calendar
 * its clock was started with; known customers learn their tier so intake can choose by it.
 */
export const CreateSlaCalendars1762000000014 = sqlMigration({
  name: 'CreateSlaCalendars1762000000014',
  up: [
    `
      create table sla_calendars (
        id uuid primary key,
        version int not null check (version >= 1),
        name text not null unique,
        time_zone text not null,
        hours jsonb not null,
        holidays jsonb not null,
        created_at timestamptz not null,
        updated_at timestamptz not null
      )`,
    `
      create table sla_calendar_assignments (
        scope text not null check (scope in ('CUSTOMER_TIER', 'DEPARTMENT', 'PRIORITY')),
        scope_key text not null,
        calendar_id uuid not null references sla_calendars (id),
        primary key (scope, scope_key)
      )`,
    'create index sla_calendar_assignments_calendar_idx on sla_calendar_assignments (calendar_id)',
    'alter table tickets add column sla_calendar jsonb null',
    'alter table known_customers add column tier text null',
  ],
  down: [
    'alter table known_customers drop column tier',
    'alter table tickets drop column sla_calendar',
    'drop table sla_calendar_assignments',
    'drop table sla_calendars',
  ],
});
