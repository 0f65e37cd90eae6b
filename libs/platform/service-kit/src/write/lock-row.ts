import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';

/**
 * The row of `entity` that matches `where`, locked (`SELECT … FOR UPDATE`) until the transaction ends; null when
 * there is none. Use-cases read an aggregate this way before they check its version and write it.
 */
export function lockRow<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  where: FindOptionsWhere<E>,
): Promise<E | null> {
  return manager.findOne(entity, { where, lock: { mode: 'pessimistic_write' } });
}
