// Hot list reads of an entity with plain SQL: the caller writes the statement (named `:parameters`, as in a query
// builder), the rows come back as the entity's properties, each column hydrated by the driver exactly as TypeORM's
// find/getMany would (transformers, enum arrays, dates). What it saves per query is the query builder (alias
// rewriting and escaping of every column, each time) and the raw-results-to-entity transformer (grouping by
// primary key, relation handling): together most of TypeORM's CPU on a page of rows.
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

type Hydrate = (row: Record<string, unknown>) => unknown;

// Column types whose value pg hands over as the entity holds it: TypeORM's hydration returns it unchanged (for a
// timestamp, a Date; pg makes one). Anything else (booleans, arrays, json, enums, transformers…) goes through the driver.
const AS_IS = new Set<unknown>([
  String,
  Number,
  'uuid',
  'text',
  'varchar',
  'character varying',
  'int',
  'integer',
  'smallint',
]);
const BOOLEANS = new Set<unknown>([Boolean, 'boolean', 'bool']);
const TIMESTAMPS = new Set<unknown>([Date, 'timestamptz', 'timestamp with time zone']);

// How a column's value is hydrated: as is; as is when null or already a Date / boolean; or by the driver.
const enum Take {
  AsIs,
  AsIsIfDate,
  AsIsIfBoolean,
  Driver,
}

function takeOf(column: ColumnMetadata): Take {
  if (column.transformer || column.isArray) return Take.Driver;
  if (AS_IS.has(column.type)) return Take.AsIs;
  if (TIMESTAMPS.has(column.type)) return Take.AsIsIfDate;
  if (BOOLEANS.has(column.type)) return Take.AsIsIfBoolean;
  return Take.Driver;
}

const hydrators = new WeakMap<object, Hydrate>();

function hydratorFor(manager: EntityManager, target: EntityTarget<ObjectLiteral>): Hydrate {
  const metadata = manager.connection.getMetadata(target);
  const cached = hydrators.get(metadata);
  if (cached) return cached;
  if (metadata.relations.length > 0 || metadata.embeddeds.length > 0 || metadata.deleteDateColumn) {
    throw new Error(
      `readEntities: ${metadata.name} has relations, embedded columns or soft deletes; use the query builder`,
    );
  }
  const driver = manager.connection.driver;
  const columns = metadata.columns.filter(
    (column) => column.isSelect && !column.isVirtual && !column.isVirtualProperty,
  );
  const names = columns.map((column) => column.databaseName);
  const properties = columns.map((column) => column.propertyName);
  const takes = columns.map(takeOf);
  const hydrate: Hydrate = (row) => {
    const entity: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) {
      const value = row[names[i]];
      // A column the statement did not select (pg gives null, never undefined, for one it did): left out.
      if (value === undefined) continue;
      const take = takes[i];
      entity[properties[i]] =
        take === Take.AsIs ||
        (value === null && take !== Take.Driver) ||
        (take === Take.AsIsIfDate && value instanceof Date) ||
        (take === Take.AsIsIfBoolean && typeof value === 'boolean')
          ? value
          : driver.prepareHydratedValue(value, columns[i]);
    }
    return entity;
  };
  hydrators.set(metadata, hydrate);
  return hydrate;
}

/** A statement with `:name` parameters, as a query builder would take them; EXPLAIN runs what readEntities runs. */
export interface SqlStatement {
  readonly sql: string;
  readonly parameters: ObjectLiteral;
  /** The statement as sent: `$n` placeholders and their values (arrays stay arrays). */
  getQueryAndParameters(): [string, unknown[]];
}

export function sqlStatement(
  manager: EntityManager,
  sql: string,
  parameters: ObjectLiteral = {},
): SqlStatement {
  return {
    sql,
    parameters,
    getQueryAndParameters: () => manager.connection.driver.escapeQueryWithParameters(sql, parameters),
  };
}

/**
 * Runs `statement` (it selects columns of `target`'s table under their column names, e.g. `select t.* from …`) and
 * returns the rows as `target` objects (plain objects with the entity's properties, each value hydrated as TypeORM
 * would). A column the statement leaves out is absent from the objects: only for reads whose callers use the
 * selected properties alone (a `ColumnProjection`). For entities without relations or embedded columns.
 */
export async function readEntities<E extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<E>,
  statement: SqlStatement,
): Promise<E[]> {
  const hydrate = hydratorFor(manager, target);
  const rows: Record<string, unknown>[] = await manager.query(...statement.getQueryAndParameters());
  return rows.map((row) => hydrate(row) as E);
}

/**
 * The rows of `target` whose primary key is one of `ids` (a DataLoader's batch), in no particular order; as
 * `manager.findBy(target, { id: In(ids) })` would return them, without the query builder.
 */
export async function findEntitiesByIds<E extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<E>,
  ids: readonly string[],
): Promise<E[]> {
  if (ids.length === 0) return [];
  const metadata = manager.connection.getMetadata(target);
  const [primary, ...more] = metadata.primaryColumns;
  if (!primary || more.length > 0)
    throw new Error(`findEntitiesByIds: ${metadata.name} needs one primary column`);
  const { driver } = manager.connection;
  const table = metadata.schema
    ? `${driver.escape(metadata.schema)}.${driver.escape(metadata.tableName)}`
    : driver.escape(metadata.tableName);
  const key = driver.escape(primary.databaseName);
  return readEntities(
    manager,
    target,
    sqlStatement(manager, `select * from ${table} where ${key} = any(:ids)`, { ids: [...ids] }),
  );
}
