import { sqlMigration } from '@opsgraph/persistence';

/**
 * Routing at intake (docs/product.md §12.3): rules from ticket attributes to a department and a strategy, one
 * cursor row per rule (locked while a ticket is routed, so replicas hand out slots one at a time), and the
 * decision kept on the ticket.
 */
export const CreateRoutingRules1762000000015 = sqlMigration({
  name: 'CreateRoutingRules1762000000015',
  up: [
    `
      create table routing_rules (
        id uuid primary key,
        version int not null check (version >= 1),
        name text not null unique,
        position int not null,
        active boolean not null,
        kinds text[] not null,
        categories text[] not null,
        channels text[] not null,
        tiers text[] not null,
        department_id uuid not null,
        strategy text not null check (strategy in ('ROUND_ROBIN', 'LOAD_BASED')),
        max_load int null check (max_load > 0),
        last_assignee_id uuid null,
        created_at timestamptz not null,
        updated_at timestamptz not null
      )`,
    'alter table tickets add column routing jsonb null',
    // The load of an assignee: their tickets whose SLA clock runs.
    `create index tickets_running_assignee_idx on tickets (assignee_id)
       where resolved_at is null and sla_paused_since is null`,
  ],
  down: [
    'drop index tickets_running_assignee_idx',
    'alter table tickets drop column routing',
    'drop table routing_rules',
  ],
});
