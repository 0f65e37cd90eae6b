// The unit of work's store of an aggregate kept in one table: every column but `id` listed once, with how to read
// it from the aggregate; the row is locked, inserted and updated (guarded by its version) from that one list.
import type { AggregateStore, Versioned } from '@opsgraph/service-kit';

export type Columns<A> = readonly (readonly [column: string, value: (row: A) => unknown])[];

export function sqlStore<A extends Versioned>(options: {
  table: string;
  /** The select list that reads a row into the aggregate's shape. */
  select: string;
  columns: Columns<A>;
  /** After the select, e.g. jsonb instants back to Dates. */
  fromRow?: (row: A) => A;
}): AggregateStore<A> {
  const { table, select, columns } = options;
  const fromRow = options.fromRow ?? ((row: A) => row);
  const values = (row: A) => [row.id, ...columns.map(([, value]) => value(row))];
  const names = ['id', ...columns.map(([name]) => name)];
  const sets = columns.map(([name], i) => `${name} = $${i + 2}`).join(', ');
  return {
    async lock(manager, id) {
      const rows: A[] = await manager.query(`select ${select} from ${table} where id = $1 for update`, [id]);
      return rows[0] ? fromRow(rows[0]) : null;
    },
    async insert(manager, row) {
      await manager.query(
        `insert into ${table} (${names.join(', ')}) values (${names.map((_, i) => `$${i + 1}`).join(', ')})`,
        values(row),
      );
    },
    async update(manager, row, expectedVersion) {
      const [, affected] = await manager.query(
        `update ${table} set ${sets} where id = $1 and version = $${columns.length + 2}`,
        [...values(row), expectedVersion],
      );
      return affected === 1;
    },
  };
}
