import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePersonalDataAccessLog1795400000002 implements MigrationInterface {
  name = 'CreatePersonalDataAccessLog1795400000002';

  async up(runner: QueryRunner): Promise<void> {
    // No foreign key to customers: the record of who read a customer's data outlives the customer.
    await runner.query(`
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
      )`);
    await runner.query('create index pdal_customer_idx on personal_data_access_log (customer_id, id desc)');
    await runner.query('create index pdal_user_idx on personal_data_access_log (user_id, id desc)');
    await runner.query('create index pdal_accessed_at_idx on personal_data_access_log (accessed_at)');
    // Append-only: an access record is evidence, the application never changes or removes one.
    await runner.query(`
      create function personal_data_access_log_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'personal_data_access_log is append-only';
      end $$`);
    await runner.query(`
      create trigger personal_data_access_log_append_only
        before update or delete on personal_data_access_log
        for each row execute function personal_data_access_log_append_only()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table personal_data_access_log');
    await runner.query('drop function personal_data_access_log_append_only()');
  }
}
