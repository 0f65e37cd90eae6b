import { sqlMigration } from '@opsgraph/persistence';

/**
 * A complaint's corrective actions (docs/product.md §11.2). Changed only under the ticket's row lock, like every
 * record around a ticket. `overdue_reported_for` is the due date whose passing was reported: the overdue scanner
 * emits once per due date (index: the scanner's candidates).
 */
export const CreateCorrectiveActions1762000000006 = sqlMigration({
  name: 'CreateCorrectiveActions1762000000006',
  up: [
    `
      create table corrective_actions (
        id uuid primary key,
        ticket_id uuid not null references tickets (id),
        position int not null check (position >= 1),
        description text not null,
        owner_id uuid not null,
        due_at timestamptz not null,
        status text not null check (status in ('OPEN', 'DONE', 'VERIFIED', 'REJECTED')),
        evidence text null,
        done_at timestamptz null,
        done_by text null,
        verified_at timestamptz null,
        verified_by text null,
        verification_note text null,
        overdue_reported_for timestamptz null,
        created_at timestamptz not null,
        constraint corrective_actions_position unique (ticket_id, position),
        constraint corrective_actions_done_has_evidence check (status = 'OPEN' or evidence is not null)
      )`,
    `
      create index corrective_actions_overdue on corrective_actions (due_at)
        where status in ('OPEN', 'REJECTED')`,
  ],
  down: ['drop table corrective_actions'],
});
