import type DataLoader from 'dataloader';

export interface EntityReference {
  __typename?: string;
  id: string;
}

/**
 * `__resolveReference` through a per-request DataLoader: @apollo/subgraph calls it once per representation,
 * the loader turns N calls in one tick into one batch. Unknown ids resolve to `null`.
 */
export function batchedReference<T, TContext>(
  loaderOf: (ctx: TContext) => DataLoader<string, T | null>,
): (reference: EntityReference, ctx: TContext) => Promise<T | null> {
  return (reference, ctx) => loaderOf(ctx).load(reference.id);
}
