import type { AggregateKind } from '@opsgraph/service-kit';
import { findEntitiesByIds } from '@opsgraph/persistence';
import { type EntityManager, type EntityTarget, type FindOptionsWhere } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { violatedUnique } from './unique-violation';

/** A unique constraint of the table, and the error a caller gets when another row got the value first. */
export interface UniqueKey<R> {
  readonly constraint: string;
  readonly taken: (record: R) => Error;
}

interface Row {
  readonly id: string;
  readonly version: number;
}

/**
 * What the department and employee repositories share: one table whose rows are the records, keyed by `id`,
 * read by id and changed under the optimistic `version` check; on one EntityManager (a transaction's or the
 * data source's).
 */
export abstract class RecordTable<R extends Row> {
  protected constructor(
    protected readonly manager: EntityManager,
    private readonly entity: EntityTarget<R>,
    private readonly unique?: UniqueKey<R>,
  ) {}

  async findByIds(ids: readonly string[]): Promise<R[]> {
    if (ids.length === 0) return [];
    // The reference loaders' batches (every Employee / Department the gateway resolves): plain SQL.
    return (await findEntitiesByIds(this.manager, this.entity, ids)).map(plain);
  }

  /** With `lock`, the row stays locked until the transaction ends (serializes changes to one record). */
  async findById(id: string, lock = false): Promise<R | null> {
    const row = await this.manager.findOne(this.entity, {
      where: { id } as FindOptionsWhere<R>,
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return row && plain(row);
  }

  /** Inserts `record`; a race for the unique value is decided by the constraint (`unique.taken`). */
  async insert(record: R): Promise<void> {
    await this.decidingUnique(record, () =>
      this.manager.insert(this.entity, record as QueryDeepPartialEntity<R>),
    );
  }

  /** Writes `values` if `record`'s row is still at `expectedVersion`; false when someone else changed it first. */
  protected async updateAtVersion(
    record: R,
    expectedVersion: number,
    values: QueryDeepPartialEntity<R>,
  ): Promise<boolean> {
    const result = await this.decidingUnique(record, () =>
      this.manager
        .createQueryBuilder()
        .update(this.entity)
        .set(values)
        .where('id = :id and version = :expectedVersion', { id: record.id, expectedVersion })
        .execute(),
    );
    return result.affected === 1;
  }

  private async decidingUnique<T>(record: R, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      const unique = this.unique;
      throw unique && violatedUnique(error) === unique.constraint ? unique.taken(record) : error;
    }
  }
}

/** An entity row's own fields as a plain record. */
export const plain = <R>(row: R): R => ({ ...row });

/** A record kind for the unit of work, stored through its repository (locked read, insert, versioned update). */
export function recordKind<R extends Row>(
  type: string,
  label: string,
  repository: (manager: EntityManager) => {
    findById(id: string, lock: boolean): Promise<R | null>;
    insert(record: R): Promise<void>;
    update(record: R, expectedVersion: number): Promise<boolean>;
  },
): AggregateKind<R> {
  return {
    type,
    label,
    store: {
      lock: (manager, id) => repository(manager).findById(id, true),
      insert: (manager, record) => repository(manager).insert(record),
      update: (manager, record, expectedVersion) => repository(manager).update(record, expectedVersion),
    },
  };
}
