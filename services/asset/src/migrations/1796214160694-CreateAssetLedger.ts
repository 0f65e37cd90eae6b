import { sqlMigration } from '@opsgraph/persistence';
import { ASSET_TEXT } from '../assets/asset.query';

// Listing indexes: (filter column, created_at desc, id desc) so that a filtered page walks one index in keyset order.
const LISTED_BY = ['category', 'status', 'model', 'location', 'custodian_id', 'department_id'];

export const CreateAssetLedger1796214160694 = sqlMigration({
  name: 'CreateAssetLedger1796214160694',
  up: [
    // Trigram index for the text filter (a substring of tag, name or serial number); pg_trgm is a trusted extension.
    'create extension if not exists pg_trgm',
    'create sequence asset_tag_seq',
    `
      create table assets (
        id uuid primary key,
        tag text not null unique,
        name text not null,
        category text not null,
        model text not null,
        manufacturer text null,
        configuration jsonb not null default '{}',
        serial_number text null,
        supplier text null,
        purchase_date date null,
        purchase_cost numeric(14, 2) null,
        currency char(3) not null,
        in_service_since date null,
        warranty_ends_on date null,
        location text null,
        custodian_id uuid null,
        department_id uuid null,
        status text not null,
        operating_hours numeric(12, 1) not null default 0,
        version int not null,
        created_at timestamptz not null,
        updated_at timestamptz not null
      )`,
    'create index assets_created_idx on assets (created_at desc, id desc)',
    ...LISTED_BY.map(
      (column) => `create index assets_${column}_listing_idx on assets (${column}, created_at desc, id desc)`,
    ),
    'create index assets_warranty_idx on assets (warranty_ends_on)',
    `create index assets_text_idx on assets using gin ((${ASSET_TEXT}) gin_trgm_ops)`,
    `
      create table asset_faults (
        id uuid primary key,
        asset_id uuid not null references assets (id),
        ticket_id uuid null unique,
        description text not null,
        status text not null,
        reported_at timestamptz not null,
        repair_started_at timestamptz null,
        repaired_at timestamptz null,
        repair_notes text null,
        check (repaired_at is null or repaired_at >= reported_at)
      )`,
    'create index asset_faults_asset_idx on asset_faults (asset_id, reported_at)',
    `
      create table maintenance_plans (
        id uuid primary key,
        asset_id uuid null references assets (id),
        category text null,
        model text null,
        title text not null,
        interval_unit text not null,
        interval_value int not null,
        created_at timestamptz not null,
        check (asset_id is not null or category is not null or model is not null)
      )`,
    // One row per (plan, asset) it covers: when it is due there, and the due point last reported overdue.
    `
      create table maintenance_schedules (
        plan_id uuid not null references maintenance_plans (id),
        asset_id uuid not null references assets (id),
        last_done_on date null,
        due_on date null,
        due_at_hours numeric(12, 1) null,
        overdue_reported_for text null,
        primary key (plan_id, asset_id)
      )`,
    'create index maintenance_schedules_due_idx on maintenance_schedules (due_on) where due_on is not null',
    'create index maintenance_schedules_asset_idx on maintenance_schedules (asset_id)',
    `
      create table maintenance_records (
        id uuid primary key,
        asset_id uuid not null references assets (id),
        plan_id uuid null references maintenance_plans (id),
        description text not null,
        performed_by uuid null,
        parts jsonb not null default '[]',
        cost numeric(14, 2) not null default 0,
        started_at timestamptz not null,
        completed_at timestamptz null,
        downtime_minutes int null
      )`,
    'create index maintenance_records_asset_idx on maintenance_records (asset_id, started_at desc)',
  ],
  down: [
    'drop table maintenance_records',
    'drop table maintenance_schedules',
    'drop table maintenance_plans',
    'drop table asset_faults',
    'drop table assets',
    'drop sequence asset_tag_seq',
    'drop extension if exists pg_trgm',
  ],
});
