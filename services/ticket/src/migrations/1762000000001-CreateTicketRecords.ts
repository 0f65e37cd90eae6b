import { sqlMigration } from '@opsgraph/persistence';

/**
 * The ticket's first audit trail. MoveTicketHistoryToAuditLog moves it into audit_log, and its down() creates it again
 * with these statements.
 */
export const CREATE_TICKET_HISTORY = [
  `
      create table ticket_history (
        id bigint generated always as identity primary key,
        ticket_id uuid not null references tickets (id) on delete cascade,
        ticket_version int not null,
        action text not null,
        from_status text null,
        to_status text not null,
        actor_id text null,
        actor_role text not null,
        occurred_at timestamptz not null,
        details jsonb not null default '{}'
      )`,
  'create index ticket_history_ticket_idx on ticket_history (ticket_id, id)',
];

/** What happens around a ticket: its audit trail, progress updates, execution plan, survey, complaint, review. */
export const CreateTicketRecords1762000000001 = sqlMigration({
  name: 'CreateTicketRecords1762000000001',
  up: [
    // Append-only audit trail: one row per change, attributed, with the command's details.
    ...CREATE_TICKET_HISTORY,

    `
      create table ticket_progress (
        id uuid primary key,
        ticket_id uuid not null references tickets (id) on delete cascade,
        visibility text not null check (visibility in ('PUBLIC', 'INTERNAL')),
        body text not null check (length(body) between 1 and 10000),
        author_id text null,
        author_role text not null,
        created_at timestamptz not null
      )`,
    'create index ticket_progress_ticket_idx on ticket_progress (ticket_id, created_at, id)',

    `
      create table ticket_plan_steps (
        id uuid primary key,
        ticket_id uuid not null references tickets (id) on delete cascade,
        position int not null check (position >= 1),
        title text not null check (length(title) between 1 and 200),
        owner_id uuid null,
        due_at timestamptz null,
        done_at timestamptz null,
        done_by text null,
        created_at timestamptz not null,
        constraint ticket_plan_steps_position_key unique (ticket_id, position)
      )`,

    `
      create table ticket_surveys (
        id uuid primary key,
        ticket_id uuid not null references tickets (id) on delete cascade,
        overall smallint not null check (overall between 1 and 5),
        quality smallint not null check (quality between 1 and 5),
        efficiency smallint not null check (efficiency between 1 and 5),
        communication smallint not null check (communication between 1 and 5),
        comment text null,
        submitted_at timestamptz not null,
        submitted_by text null,
        constraint ticket_surveys_one_per_ticket unique (ticket_id)
      )`,

    `
      create table complaint_details (
        ticket_id uuid primary key references tickets (id) on delete cascade,
        findings text not null,
        root_cause text not null,
        responsible_department_id uuid not null,
        responsible_employee_id uuid null,
        corrective_action text not null,
        corrective_action_due_at timestamptz not null,
        feedback_to_complainant text null,
        investigated_at timestamptz not null,
        investigated_by text null,
        follow_up_at timestamptz null,
        follow_up_result text null,
        follow_up_satisfied boolean null,
        follow_up_recorded_by text null,
        constraint complaint_details_follow_up_complete check (
          (follow_up_at is null) = (follow_up_result is null) and (follow_up_at is null) = (follow_up_satisfied is null)
        )
      )`,

    `
      create table suggestion_reviews (
        ticket_id uuid primary key references tickets (id) on delete cascade,
        decision text not null check (decision in ('ACCEPTED', 'REJECTED')),
        reason text not null,
        reviewed_at timestamptz not null,
        reviewed_by text null
      )`,
  ],
  down: [
    'drop table suggestion_reviews',
    'drop table complaint_details',
    'drop table ticket_surveys',
    'drop table ticket_plan_steps',
    'drop table ticket_progress',
    'drop table ticket_history',
  ],
});
