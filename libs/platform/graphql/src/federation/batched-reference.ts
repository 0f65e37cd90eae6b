import type DataLoader from 'dataloader';
import { isUuid } from '../validation/input-hygiene';

export interface EntityReference {
  __typename?: string;
  id: string;
}

/**
 * `__resolveReference` through a per-request DataLoader: @apollo/subgraph calls it once per representation,
 * the loader turns N calls in one tick into one batch. Unknown ids resolve to `null`, and so do ids that are not
 * UUIDs (no entity has one), without reaching the database.
 */
export function batchedReference<T, TContext>(
  loaderOf: (ctx: TContext) => DataLoader<string, T | null>,
): (reference: EntityReference, ctx: TContext) => Promise<T | null> {
  return async (reference, ctx) =>
    typeof reference.id === 'string' && isUuid(reference.id) ? loaderOf(ctx).load(reference.id) : null;
}
