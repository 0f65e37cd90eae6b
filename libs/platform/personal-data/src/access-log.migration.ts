// The personal-data access log's table, the same in every service that hands out contact data in clear (each
// service's migration runs these statements in its own database).
export const PERSONAL_DATA_ACCESS_LOG_UP: readonly string[] = [
  // No foreign key to customers: the record of who read a customer's data outlives the customer.
  `
      create table personal_data_access_log (
        id bigint generated always as identity primary key,
        accessed_at timestamptz not null default now(),
        user_id text not null,
        role text not null,
        employee_id text null,
        customer_id uuid not null,
        fields text[] not null check (cardinality(fields) > 0),
        operation text null,
        correlation_id text null
      )`,
  'create index pdal_customer_idx on personal_data_access_log (customer_id, id desc)',
  'create index pdal_user_idx on personal_data_access_log (user_id, id desc)',
  'create index pdal_accessed_at_idx on personal_data_access_log (accessed_at)',
  // Append-only: an access record is evidence, the application never changes or removes one.
  `
      create function personal_data_access_log_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'personal_data_access_log is append-only';
      end $$`,
  `
      create trigger personal_data_access_log_append_only
        before update or delete on personal_data_access_log
        for each row execute function personal_data_access_log_append_only()`,
];

export const PERSONAL_DATA_ACCESS_LOG_DOWN: readonly string[] = [
  'drop table personal_data_access_log',
  'drop function personal_data_access_log_append_only()',
];
