// Every migration of a service goes up, down to nothing, and up again: each down() really undoes its up().
import { runMigrations } from '@opsgraph/persistence';
import { createTestDatabase } from '@opsgraph/testing';
import { createSubgraphDataSource, subgraphMigrations } from '../app/create-subgraph-app';
import type { SubgraphDefinition } from '../app/subgraph-definition';

export interface RoundTripResult {
  /** The service's tables after all migrations ran. */
  readonly tablesUp: string[];
  /** Tables left after every migration was undone (expected: none). */
  readonly tablesDown: string[];
  /** Tables after running everything again. */
  readonly tablesUpAgain: string[];
}

export async function migrationRoundTrip(
  definition: Pick<SubgraphDefinition, 'name' | 'entities' | 'migrations'>,
  label: string,
): Promise<RoundTripResult> {
  const db = await createTestDatabase(label);
  const dataSource = createSubgraphDataSource(definition, db.url, `${definition.name}-migrations-test`);
  const tables = async (): Promise<string[]> =>
    (
      await dataSource.query(
        `select table_name from information_schema.tables
         where table_schema = 'public' and table_name <> 'migrations' order by 1`,
      )
    ).map((row: { table_name: string }) => row.table_name);
  try {
    await dataSource.initialize();
    await runMigrations(dataSource);
    const tablesUp = await tables();
    for (let i = 0; i < subgraphMigrations(definition).length; i++) await dataSource.undoLastMigration();
    const tablesDown = await tables();
    await runMigrations(dataSource);
    return { tablesUp, tablesDown, tablesUpAgain: await tables() };
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await db.drop();
  }
}
