import type { EntityManager } from 'typeorm';

/** `insert into table (columns…) values ($1…)` from one row's column → value map. */
export async function insertRow(
  manager: EntityManager,
  table: string,
  row: Readonly<Record<string, unknown>>,
): Promise<void> {
  const columns = Object.keys(row);
  await manager.query(
    `insert into ${table} (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
    Object.values(row),
  );
}
