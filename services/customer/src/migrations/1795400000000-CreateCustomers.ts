import { sqlMigration } from '@opsgraph/persistence';

/**
 * The customer's first audit trail (contact changes recorded by field name only: the audit is not a second copy of
 * them). MoveCustomerChangesToAuditLog moves it into audit_log, and its down() creates it again with these statements.
 */
export const CREATE_CUSTOMER_CHANGES = [
  `
      create table customer_changes (
        id bigint generated always as identity primary key,
        customer_id uuid not null references customers (id) on delete cascade,
        customer_version int not null,
        action text not null,
        subject_id uuid null,
        changes jsonb not null default '[]',
        actor_id text null,
        actor_role text not null,
        correlation_id text null,
        occurred_at timestamptz not null
      )`,
  'create index customer_changes_customer_idx on customer_changes (customer_id, id desc)',
];

export const CreateCustomers1795400000000 = sqlMigration({
  name: 'CreateCustomers1795400000000',
  up: [
    // Trigram index for name search (`ilike '%text%'`); pg_trgm is a trusted extension (the database owner may
    // create it) in PostgreSQL 13+.
    'create extension if not exists pg_trgm',
    `
      create table customers (
        id uuid primary key,
        -- Collation "C": one unique index serves equality, prefix search (like 'C-20%') and code order.
        code text collate "C" not null constraint customers_code_key unique,
        name text not null check (length(name) between 1 and 200),
        type text not null check (type in ('INDIVIDUAL', 'ORGANIZATION')),
        tier text not null check (tier in ('STANDARD', 'KEY_ACCOUNT', 'VIP')),
        tags text[] not null default '{}',
        preferred_channel text null check (preferred_channel in
          ('PHONE', 'EMAIL', 'WEB', 'APP', 'ONLINE_CHAT', 'SOCIAL_MEDIA', 'HOTLINE', 'WALK_IN')),
        language text null,
        consent_marketing boolean not null default false,
        consent_surveys boolean not null default false,
        consent_revisits boolean not null default false,
        consents_updated_at timestamptz null,
        last_revisit_at timestamptz null,
        created_by text not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version int not null check (version >= 1)
      )`,
    'create index customers_name_trgm_idx on customers using gin (name gin_trgm_ops)',
    'create index customers_tags_idx on customers using gin (tags)',
    // Keyset orders of the customer list (see CustomerOrder).
    'create index customers_name_order_idx on customers (name, id)',
    'create index customers_created_order_idx on customers (created_at desc, id desc)',
    'create index customers_tier_name_idx on customers (tier, name, id)',

    `
      create table customer_contacts (
        id uuid primary key,
        customer_id uuid not null references customers (id) on delete cascade,
        name text not null,
        title text null,
        phone text null,
        email text null,
        is_primary boolean not null default false,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        constraint customer_contacts_reachable check (phone is not null or email is not null)
      )`,
    'create index customer_contacts_customer_idx on customer_contacts (customer_id, created_at, id)',
    'create unique index customer_contacts_one_primary_idx on customer_contacts (customer_id) where is_primary',

    ...CREATE_CUSTOMER_CHANGES,
  ],
  down: [
    'drop table customer_changes',
    'drop table customer_contacts',
    'drop table customers',
    'drop extension if exists pg_trgm',
  ],
});
