// An AggregateStore over one table written with plain SQL: the aggregate maps to a fixed list of columns, `id`
// first and `version` second (the kit's optimistic lock), so insert and update are generated once for every such table.
import type { AggregateStore, Versioned } from '@opsgraph/service-kit';

export interface ColumnTable<A extends Versioned, Row> {
  readonly table: string;
  /** Column names; the first is `id`. */
  readonly columns: readonly string[];
  /** The values for `columns`, in order. */
  readonly valuesOf: (aggregate: A) => unknown[];
  readonly fromRow: (row: Row) => A;
}

export function columnStore<A extends Versioned & { id: string }, Row>(
  spec: ColumnTable<A, Row>,
): AggregateStore<A> {
  const { table, columns, valuesOf, fromRow } = spec;
  const placeholders = columns.map((_, index) => `$${index + 1}`).join(', ');
  const assignments = columns
    .slice(1)
    .map((column, index) => `${column} = $${index + 2}`)
    .join(', ');
  return {
    async lock(manager, id) {
      const rows: Row[] = await manager.query(`select * from ${table} where id = $1 for update`, [id]);
      return rows[0] ? fromRow(rows[0]) : null;
    },
    async insert(manager, aggregate) {
      await manager.query(
        `insert into ${table} (${columns.join(', ')}) values (${placeholders})`,
        valuesOf(aggregate),
      );
    },
    async update(manager, aggregate, expectedVersion) {
      const [, affected] = await manager.query(
        `update ${table} set ${assignments} where id = $1 and version = $${columns.length + 1}`,
        [...valuesOf(aggregate), expectedVersion],
      );
      return affected === 1;
    },
  };
}
