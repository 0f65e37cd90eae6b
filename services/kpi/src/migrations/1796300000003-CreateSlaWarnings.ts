import { sqlMigration } from '@opsgraph/persistence';

/** At-risk SLA warnings, once per ticket, deadline and due time; the facts' deadlines for the scanner. */
export const CreateSlaWarnings1796300000003 = sqlMigration({
  name: 'CreateSlaWarnings1796300000003',
  up: [
    `alter table kpi_ticket_facts add column done boolean not null default false,
       add column response_due_at timestamptz, add column resolution_due_at timestamptz`,
    `create index kpi_ticket_facts_response_due_idx on kpi_ticket_facts (response_due_at)
       where not done and acknowledged_at is null`,
    `create index kpi_ticket_facts_resolution_due_idx on kpi_ticket_facts (resolution_due_at)
       where not done and resolved_at is null`,
    `create table kpi_sla_warnings (
        id uuid primary key,
        ticket_id uuid not null,
        deadline text not null,
        due_at timestamptz not null,
        warned_at timestamptz not null,
        version int not null,
        unique (ticket_id, deadline, due_at)
      )`,
  ],
  down: [
    'drop table kpi_sla_warnings',
    'alter table kpi_ticket_facts drop column done, drop column response_due_at, drop column resolution_due_at',
  ],
});
