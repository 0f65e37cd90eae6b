import type { EntityManager } from 'typeorm';
import type { AggregateStore, Versioned } from './unit-of-work';

/** A repository of one aggregate, built on an EntityManager: what the unit of work needs of it. */
export interface AggregateRepository<A extends Versioned> {
  lock(id: string): Promise<A | null>;
  insert(aggregate: A): Promise<void>;
  update(aggregate: A, expectedVersion: number): Promise<boolean>;
}

/** The AggregateStore that does each step with `new Repository(manager)` on the transaction's manager. */
export function repositoryStore<A extends Versioned>(
  Repository: new (manager: EntityManager) => AggregateRepository<A>,
): AggregateStore<A> {
  return {
    lock: (manager, id) => new Repository(manager).lock(id),
    insert: (manager, aggregate) => new Repository(manager).insert(aggregate),
    update: (manager, aggregate, expectedVersion) =>
      new Repository(manager).update(aggregate, expectedVersion),
  };
}
