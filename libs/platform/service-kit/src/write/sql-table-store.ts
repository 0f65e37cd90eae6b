// The unit of work's store of an aggregate kept in one table and written with plain SQL: every column but `id` is
// listed once beside how to read it from the aggregate, and the row is locked, inserted and updated (guarded by its
// version, the optimistic lock) from that one list.
import type { AggregateStore, Versioned } from './unit-of-work';

/** Every column but `id`, each with how to read its value from the aggregate; `version` must be one of them. */
export type SqlColumns<A> = readonly (readonly [column: string, value: (aggregate: A) => unknown])[];

export interface SqlTable<A extends Versioned, Row> {
  readonly table: string;
  readonly columns: SqlColumns<A>;
  /** The select list that reads a row (e.g. with `as "camelCase"` aliases); `*` when omitted. */
  readonly select?: string;
  /** The aggregate from a selected row; the row as is when omitted. */
  readonly fromRow?: (row: Row) => A;
}

export function sqlTableStore<A extends Versioned, Row = A>(spec: SqlTable<A, Row>): AggregateStore<A> {
  const { table, columns } = spec;
  const select = spec.select ?? '*';
  const fromRow = spec.fromRow ?? ((row: Row) => row as unknown as A);
  const names = ['id', ...columns.map(([name]) => name)];
  const values = (aggregate: A) => [aggregate.id, ...columns.map(([, value]) => value(aggregate))];
  const insert = `insert into ${table} (${names.join(', ')}) values (${names.map((_, i) => `$${i + 1}`).join(', ')})`;
  const sets = columns.map(([name], i) => `${name} = $${i + 2}`).join(', ');
  const update = `update ${table} set ${sets} where id = $1 and version = $${names.length + 1}`;
  return {
    async lock(manager, id) {
      const rows: Row[] = await manager.query(`select ${select} from ${table} where id = $1 for update`, [
        id,
      ]);
      return rows[0] ? fromRow(rows[0]) : null;
    },
    async insert(manager, aggregate) {
      await manager.query(insert, values(aggregate));
    },
    async update(manager, aggregate, expectedVersion) {
      const [, affected] = await manager.query(update, [...values(aggregate), expectedVersion]);
      return affected === 1;
    },
  };
}
