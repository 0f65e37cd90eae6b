import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateProcessedEvents1700000000001 implements MigrationInterface {
  name = 'CreateProcessedEvents1700000000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table processed_events (
        consumer text not null,
        event_id uuid not null,
        processed_at timestamptz not null default now(),
        primary key (consumer, event_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table processed_events');
  }
}
