// Transaction-scoped advisory locks of the KPI engines (facts, customers, ops facts), taken in one round trip.
import type { EntityManager } from 'typeorm';

/**
 * Locks `keys` until the transaction ends, one after the other in sorted order: every caller sorts the same way,
 * so two transactions never wait for each other in a cycle.
 */
export async function lockKeys(manager: EntityManager, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await manager.query(
    'select count(pg_advisory_xact_lock(hashtextextended(key, 15))) from unnest($1::text[]) as key',
    [[...new Set(keys)].sort()],
  );
}
