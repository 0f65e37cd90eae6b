import { sqlMigration } from '@opsgraph/persistence';

// Values are spelled out (not imported from the domain) so that this migration means the same thing forever.
const KINDS = `'SERVICE_REQUEST', 'FAULT', 'CONSULTATION', 'COMPLAINT', 'SUGGESTION'`;
const CATEGORIES = `'SYSTEM_FAULT', 'FUNCTION_ANOMALY', 'DATA_ISSUE', 'OTHER'`;
const CHANNELS = `'PHONE', 'EMAIL', 'WEB', 'APP', 'ONLINE_CHAT', 'SOCIAL_MEDIA', 'HOTLINE', 'WALK_IN'`;
const LEVELS = `'HIGH', 'MEDIUM', 'LOW'`;
const PRIORITIES = `'P1', 'P2', 'P3', 'P4'`;
const STATUSES = `'NEW', 'ACKNOWLEDGED', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_CUSTOMER', 'RESOLVED', 'CLOSED', 'REOPENED'`;
const CLOSE_REASONS = `'CUSTOMER_CONFIRMED', 'AGENT', 'AUTO_CLOSED'`;

// Every listing filter has an index that returns rows already in the listing order (created_at desc, id desc), so
// a page is an index range scan that stops after `first + 1` rows, however many tickets match.
const LISTING_INDEXES: [name: string, leading: string, where?: string][] = [
  ['tickets_listing_idx', ''],
  ['tickets_status_listing_idx', 'status'],
  ['tickets_kind_listing_idx', 'kind'],
  ['tickets_category_listing_idx', 'category', 'category is not null'],
  ['tickets_channel_listing_idx', 'channel'],
  ['tickets_priority_listing_idx', 'priority'],
  ['tickets_customer_listing_idx', 'customer_id'],
  ['tickets_assignee_listing_idx', 'assignee_id', 'assignee_id is not null'],
  ['tickets_department_listing_idx', 'department_id'],
  ['tickets_asset_listing_idx', 'asset_id', 'asset_id is not null'],
  ['tickets_incident_listing_idx', 'incident_id', 'incident_id is not null'],
  [
    'tickets_breached_listing_idx',
    '',
    'response_breached_at is not null or resolution_breached_at is not null',
  ],
];

export const CreateTickets1762000000000 = sqlMigration({
  name: 'CreateTickets1762000000000',
  up: [
    // Trigram index for the subject search (ILIKE '%…%'); pg_trgm is a trusted extension (no superuser needed).
    'create extension if not exists pg_trgm',
    'create sequence ticket_number_seq as bigint start 1',
    `
      create table tickets (
        id uuid primary key,
        number text not null constraint tickets_number_key unique,
        kind text not null check (kind in (${KINDS})),
        category text null check (category in (${CATEGORIES})),
        channel text not null check (channel in (${CHANNELS})),
        subject text not null check (length(subject) between 1 and 200),
        description text not null check (length(description) between 1 and 10000),
        customer_id uuid not null,
        contact_name text null,
        contact_phone text null,
        contact_email text null,
        urgency text not null check (urgency in (${LEVELS})),
        impact text not null check (impact in (${LEVELS})),
        priority text not null check (priority in (${PRIORITIES})),
        status text not null check (status in (${STATUSES})),
        department_id uuid null,
        assignee_id uuid null,
        collaborating_department_ids uuid[] not null default '{}',
        escalation_level smallint not null default 0 check (escalation_level between 0 and 3),
        asset_id uuid null,
        incident_id uuid null,
        promised_resolution_at timestamptz null,
        acknowledged_at timestamptz null,
        resolved_at timestamptz null,
        closed_at timestamptz null,
        close_reason text null check (close_reason in (${CLOSE_REASONS})),
        resolution_summary text null,
        reopen_count int not null default 0 check (reopen_count >= 0),
        sla_started_at timestamptz not null,
        response_due_at timestamptz not null,
        resolution_due_at timestamptz not null,
        sla_paused_since timestamptz null,
        sla_paused_seconds double precision not null default 0 check (sla_paused_seconds >= 0),
        response_breached_at timestamptz null,
        resolution_breached_at timestamptz null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version int not null check (version >= 1),
        constraint tickets_category_only_for_faults check ((kind = 'FAULT') = (category is not null)),
        constraint tickets_assignee_has_department check (assignee_id is null or department_id is not null)
      )`,

    ...LISTING_INDEXES.map(([name, leading, where]) => {
      const columns = [leading, 'created_at desc', 'id desc'].filter(Boolean).join(', ');
      return `create index ${name} on tickets (${columns})${where ? ` where ${where}` : ''}`;
    }),
    'create index tickets_resolved_at_idx on tickets (resolved_at) where resolved_at is not null',
    'create index tickets_subject_trgm_idx on tickets using gin (subject gin_trgm_ops)',

    // The SLA breach scanner's candidates: deadlines that can still be breached and were not flagged yet. Partial,
    // so they hold only open, unflagged tickets and the scan stays cheap however large the table grows.
    `
      create index tickets_response_due_idx on tickets (response_due_at)
      where acknowledged_at is null and response_breached_at is null`,
    `
      create index tickets_resolution_due_idx on tickets (resolution_due_at)
      where resolved_at is null and sla_paused_since is null and resolution_breached_at is null`,
    // The auto-close job's candidates.
    `create index tickets_auto_close_idx on tickets (resolved_at) where status = 'RESOLVED'`,
  ],
  down: [
    'drop table tickets',
    'drop sequence ticket_number_seq',
    // pg_trgm stays: other objects of the database may use it, and it holds no data.
  ],
});
