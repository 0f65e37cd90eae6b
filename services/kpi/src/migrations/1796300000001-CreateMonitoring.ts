import { sqlMigration } from '@opsgraph/persistence';

/** Monitoring rules and alerts; the facts' moments as indexed columns for sliding-window reads. */
export const CreateMonitoring1796300000001 = sqlMigration({
  name: 'CreateMonitoring1796300000001',
  up: [
    `alter table kpi_ticket_facts
       add column opened_at timestamptz, add column acknowledged_at timestamptz, add column resolved_at timestamptz`,
    'create index kpi_ticket_facts_opened_idx on kpi_ticket_facts (opened_at)',
    'create index kpi_ticket_facts_acknowledged_idx on kpi_ticket_facts (acknowledged_at)',
    'create index kpi_ticket_facts_resolved_idx on kpi_ticket_facts (resolved_at)',
    `create table kpi_rules (
        id uuid primary key,
        name text not null,
        kpi text not null,
        comparator text not null,
        threshold double precision not null,
        window_minutes int not null,
        minimum_samples int not null,
        dimension_kind text not null,
        dimension_value text,
        severity text not null,
        version int not null,
        created_at timestamptz not null
      )`,
    `create table kpi_alerts (
        id uuid primary key,
        rule_id uuid not null references kpi_rules (id),
        dimension text not null,
        status text not null,
        value double precision not null,
        threshold double precision not null,
        fired_at timestamptz not null,
        acknowledged_at timestamptz,
        acknowledged_by text,
        resolved_at timestamptz,
        resolved_value double precision,
        version int not null
      )`,
    // One open alert per rule and dimension, whatever the replicas do.
    `create unique index kpi_alerts_open_uq on kpi_alerts (rule_id, dimension) where status <> 'RESOLVED'`,
    'create index kpi_alerts_fired_idx on kpi_alerts (fired_at desc, id desc)',
  ],
  down: [
    'drop table kpi_alerts',
    'drop table kpi_rules',
    `alter table kpi_ticket_facts drop column opened_at, drop column acknowledged_at, drop column resolved_at`,
  ],
});
