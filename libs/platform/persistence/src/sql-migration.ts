import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One step of a migration: a SQL statement, or (where a step needs parameters or depends on what the database holds)
 * a function of the migration's query runner.
 */
export type MigrationStep = string | ((runner: QueryRunner) => Promise<unknown>);

/** A migration class as TypeORM's `migrations` option takes it. */
export type MigrationClass = new () => MigrationInterface;

export interface SqlMigration {
  /** The class name, ending in the 13-digit timestamp that orders it. */
  name: string;
  up: readonly MigrationStep[];
  /** Undoes `up` completely (the services' round-trip tests check it). */
  down: readonly MigrationStep[];
}

/**
 * A migration whose `up` and `down` run their steps in order, on the migration's runner (so inside its transaction).
 * The class is named `name`, and so is every instance: TypeORM records an executed migration by that name and reads
 * its timestamp from the last 13 digits, so a migration keeps its name forever.
 *
 * ```ts
 * export const CreateNotes1800000000000 = sqlMigration({
 *   name: 'CreateNotes1800000000000',
 *   up: ['create table notes (id uuid primary key, body text not null)'],
 *   down: ['drop table notes'],
 * });
 * ```
 */
export function sqlMigration(definition: SqlMigration): MigrationClass {
  const { name, up, down } = definition;
  const migration = class implements MigrationInterface {
    name = name;

    async up(runner: QueryRunner): Promise<void> {
      await runSteps(runner, up);
    }

    async down(runner: QueryRunner): Promise<void> {
      await runSteps(runner, down);
    }
  };
  return Object.defineProperty(migration, 'name', { value: name });
}

async function runSteps(runner: QueryRunner, steps: readonly MigrationStep[]): Promise<void> {
  for (const step of steps) {
    if (typeof step === 'string') await runner.query(step);
    else await step(runner);
  }
}
