import { sqlMigration } from '@opsgraph/persistence';

/** The improvement register (docs/product.md §11.9): an aggregate of its own, versioned. */
export const CreateImprovements1762000000011 = sqlMigration({
  name: 'CreateImprovements1762000000011',
  up: [
    `
      create table improvements (
        id uuid primary key,
        version int not null check (version >= 1),
        title text not null,
        description text not null,
        source text not null check (source in ('COMPLAINT', 'SUGGESTION', 'FINDING')),
        source_ticket_id uuid null references tickets (id),
        finding text null,
        owner_id uuid not null,
        deadline timestamptz not null,
        kpi text not null,
        direction text not null check (direction in ('INCREASE', 'DECREASE')),
        baseline double precision not null,
        target double precision not null,
        status text not null check (status in ('OPEN', 'IMPLEMENTED', 'EFFECTIVE', 'INEFFECTIVE')),
        implemented_at timestamptz null,
        implementation_note text null,
        verified_at timestamptz null,
        measured double precision null,
        verification_note text null,
        overdue_reported_for timestamptz null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        constraint improvements_source_named check ((source = 'FINDING') = (finding is not null and source_ticket_id is null))
      )`,
    `create index improvements_open_deadline on improvements (deadline) where status = 'OPEN'`,
    'create index improvements_source_ticket on improvements (source_ticket_id) where source_ticket_id is not null',
  ],
  down: ['drop table improvements'],
});
