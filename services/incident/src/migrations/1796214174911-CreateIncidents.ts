import { sqlMigration } from '@opsgraph/persistence';

const CATEGORY = `check (category in ('NATURAL_DISASTER', 'TECHNICAL_FAILURE', 'COMPLAINT_ESCALATION',
  'SECURITY_INCIDENT', 'DATA_BREACH', 'SAFETY_ACCIDENT', 'SUPPLIER_FAILURE', 'OTHER'))`;
const SEVERITY = `check (severity in ('SEV1', 'SEV2', 'SEV3', 'SEV4'))`;

export const CreateIncidents1796214174911 = sqlMigration({
  name: 'CreateIncidents1796214174911',
  up: [
    `
      create table contingency_plans (
        id uuid primary key,
        category text not null ${CATEGORY},
        severity text not null ${SEVERITY},
        current_version int not null check (current_version >= 1),
        version int not null check (version >= 1),
        created_at timestamptz not null,
        updated_at timestamptz not null,
        constraint contingency_plans_scope unique (category, severity)
      )`,
    // A revision inserts a row; a version row is never changed or deleted (incidents and drills point at it).
    `
      create table contingency_plan_versions (
        plan_id uuid not null references contingency_plans (id),
        plan_version int not null check (plan_version >= 1),
        title text not null,
        command_roles text[] not null,
        steps jsonb not null,
        resources text[] not null,
        contacts jsonb not null,
        change_note text not null,
        source_drill_id uuid null,
        source_incident_id uuid null,
        created_at timestamptz not null,
        created_by text not null,
        primary key (plan_id, plan_version)
      )`,
    `create function contingency_plan_versions_immutable() returns trigger language plpgsql as $$
       begin raise exception 'contingency plan versions are immutable: revise the plan instead'; end $$`,
    `create trigger contingency_plan_versions_immutable before update or delete on contingency_plan_versions
       for each row execute function contingency_plan_versions_immutable()`,
    'create sequence incident_number_seq',
    `
      create table incidents (
        id uuid primary key,
        number text not null unique,
        title text not null,
        nature text not null,
        location text null,
        category text not null ${CATEGORY},
        severity text not null ${SEVERITY},
        status text not null check (status in ('REPORTED', 'ACTIVATED', 'CONTAINED', 'RECOVERING', 'RESOLVED', 'REVIEWED')),
        reporter_id uuid null,
        reported_by text not null,
        occurred_at timestamptz not null,
        detected_at timestamptz not null,
        affected_customer_ids uuid[] not null,
        key_account_ids uuid[] not null,
        affected_asset_ids uuid[] not null,
        affected_services text[] not null,
        plan_id uuid null,
        plan_version int null,
        commander_id uuid null,
        roles jsonb not null,
        activated_at timestamptz null,
        contained_at timestamptz null,
        recovering_at timestamptz null,
        resolved_at timestamptz null,
        reviewed_at timestamptz null,
        root_cause text null,
        lessons text null,
        review_recorded_at timestamptz null,
        source_alert_id text null unique,
        version int not null check (version >= 1),
        created_at timestamptz not null,
        updated_at timestamptz not null,
        constraint incidents_plan_version foreign key (plan_id, plan_version)
          references contingency_plan_versions (plan_id, plan_version),
        constraint incidents_activation check (status = 'REPORTED' or (plan_id is not null and commander_id is not null)),
        constraint incidents_reviewed check (status <> 'REVIEWED' or review_recorded_at is not null)
      )`,
    'create index incidents_created_idx on incidents (created_at desc, id desc)',
    'create index incidents_category_idx on incidents (category, occurred_at)',
    'create index incidents_assets_idx on incidents using gin (affected_asset_ids)',
    'create index incidents_customers_idx on incidents using gin (affected_customer_ids)',
    'create index incidents_commander_idx on incidents (commander_id)',
    `
      create table incident_timeline (
        id uuid primary key,
        incident_id uuid not null references incidents (id),
        at timestamptz not null,
        kind text not null,
        note text null,
        actor_id text null,
        actor_role text not null,
        details jsonb not null
      )`,
    'create index incident_timeline_incident_idx on incident_timeline (incident_id, at, id)',
    `
      create table incident_action_items (
        id uuid primary key,
        incident_id uuid not null references incidents (id),
        position int not null,
        description text not null,
        owner_id uuid not null,
        due_on date not null,
        status text not null check (status in ('OPEN', 'IN_PROGRESS', 'DONE')),
        done_at timestamptz null,
        unique (incident_id, position)
      )`,
    `
      create table risks (
        id uuid primary key,
        title text not null,
        description text not null,
        category text not null ${CATEGORY},
        likelihood smallint not null check (likelihood between 1 and 5),
        impact smallint not null check (impact between 1 and 5),
        owner_id uuid null,
        mitigation text not null,
        residual_score smallint null check (residual_score between 1 and 25),
        next_review_on date not null,
        last_reviewed_at timestamptz null,
        version int not null check (version >= 1),
        created_at timestamptz not null,
        updated_at timestamptz not null
      )`,
    'create index risks_created_idx on risks (created_at desc, id desc)',
    `
      create table drills (
        id uuid primary key,
        title text not null,
        scenario text not null,
        plan_id uuid not null,
        plan_version int not null,
        held_at timestamptz not null,
        participant_ids uuid[] not null,
        timeline jsonb not null,
        findings text not null,
        follow_ups jsonb not null,
        version int not null check (version >= 1),
        created_at timestamptz not null,
        updated_at timestamptz not null,
        foreign key (plan_id, plan_version) references contingency_plan_versions (plan_id, plan_version)
      )`,
    'create index drills_plan_idx on drills (plan_id, held_at desc, id)',
    'create index risks_review_idx on risks (next_review_on, id)',
    // One suggestion per recurring complaint cause (its text, case and spacing aside), kept current as it recurs.
    `
      create table risk_suggestions (
        id uuid primary key,
        cause_key text not null unique,
        root_cause text not null,
        complaint_category text null,
        complaint_count int not null,
        window_days int not null,
        ticket_ids uuid[] not null,
        action text not null check (action in ('REGISTER', 'REASSESS')),
        risk_id uuid null references risks (id),
        suggested_likelihood smallint not null check (suggested_likelihood between 1 and 5),
        reason text not null,
        created_at timestamptz not null,
        updated_at timestamptz not null
      )`,
  ],
  down: [
    'drop table drills',
    'drop table risk_suggestions',
    'drop table risks',
    'drop table incident_action_items',
    'drop table incident_timeline',
    'drop table incidents',
    'drop sequence incident_number_seq',
    'drop table contingency_plan_versions',
    'drop function contingency_plan_versions_immutable',
    'drop table contingency_plans',
  ],
});
