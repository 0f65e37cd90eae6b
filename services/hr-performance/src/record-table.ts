import type { AggregateKind } from '@opsgraph/service-kit';
import { In, type EntityManager, type EntityTarget, type FindOptionsWhere } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

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
  ) {}

  async findByIds(ids: readonly string[]): Promise<R[]> {
    if (ids.length === 0) return [];
    const where = { id: In([...ids]) } as FindOptionsWhere<R>;
    return (await this.manager.findBy(this.entity, where)).map(plain);
  }

  /** With `lock`, the row stays locked until the transaction ends (serializes changes to one record). */
  async findById(id: string, lock = false): Promise<R | null> {
    const row = await this.manager.findOne(this.entity, {
      where: { id } as FindOptionsWhere<R>,
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return row && plain(row);
  }

  /** Writes `values` if row `id` is still at `expectedVersion`; false when someone else changed it first. */
  protected async updateAtVersion(
    id: string,
    expectedVersion: number,
    values: QueryDeepPartialEntity<R>,
  ): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(this.entity)
      .set(values)
      .where('id = :id and version = :expectedVersion', { id, expectedVersion })
      .execute();
    return result.affected === 1;
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
