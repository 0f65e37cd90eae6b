import type { QueryRunner } from 'typeorm';
import { sqlMigration } from './sql-migration';

describe('sqlMigration', () => {
  const CreateNotes1800000000000 = sqlMigration({
    name: 'CreateNotes1800000000000',
    up: ['create table notes (id int)', (runner) => runner.query('insert into notes values ($1)', [1])],
    down: ['drop table notes'],
  });
  const recorder = () => {
    const queries: unknown[][] = [];
    const runner = { query: async (...args: unknown[]) => void queries.push(args) } as unknown as QueryRunner;
    return { queries, runner };
  };

  it('is a class named as the migration, and so is each instance (TypeORM records that name)', () => {
    expect(CreateNotes1800000000000.name).toBe('CreateNotes1800000000000');
    expect(new CreateNotes1800000000000().name).toBe('CreateNotes1800000000000');
  });

  it('runs the up steps in order, statements and functions of the runner alike', async () => {
    const { queries, runner } = recorder();
    await new CreateNotes1800000000000().up(runner);
    expect(queries).toEqual([['create table notes (id int)'], ['insert into notes values ($1)', [1]]]);
  });

  it('runs the down steps', async () => {
    const { queries, runner } = recorder();
    await new CreateNotes1800000000000().down(runner);
    expect(queries).toEqual([['drop table notes']]);
  });
});
