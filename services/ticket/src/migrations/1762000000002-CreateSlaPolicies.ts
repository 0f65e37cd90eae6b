import { sqlMigration } from '@opsgraph/persistence';

/** Per-priority SLA targets, seeded with the defaults; changed through the graph (updateSlaPolicy). */
export const CreateSlaPolicies1762000000002 = sqlMigration({
  name: 'CreateSlaPolicies1762000000002',
  up: [
    `
      create table sla_policies (
        priority text primary key check (priority in ('P1', 'P2', 'P3', 'P4')),
        response_seconds int not null check (response_seconds > 0),
        resolution_seconds int not null check (resolution_seconds > 0),
        version int not null default 1 check (version >= 1),
        updated_at timestamptz not null default now(),
        updated_by text null,
        constraint sla_policies_response_before_resolution check (response_seconds <= resolution_seconds)
      )`,
    // The defaults of services/ticket/src/sla/sla-policy.ts as of this migration: 15 min/4 h, 1 h/8 h, 4 h/24 h, 8 h/72 h.
    `
      insert into sla_policies (priority, response_seconds, resolution_seconds) values
        ('P1', 900, 14400),
        ('P2', 3600, 28800),
        ('P3', 14400, 86400),
        ('P4', 28800, 259200)`,
  ],
  down: ['drop table sla_policies'],
});
