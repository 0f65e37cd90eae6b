import DataLoader from 'dataloader';

export interface LoaderOptions {
  /** Upper bound of ids per batch query (default: unbounded). */
  maxBatchSize?: number;
}

/**
 * A per-request DataLoader over one "fetch by ids" query: results come back in key order, `null` for ids
 * the query did not return. Create it in `createContext`, never per process (its cache is per request).
 */
export function createLoader<T>(
  batchFn: (ids: readonly string[]) => Promise<readonly T[]>,
  keyOf: (row: T) => string,
  options: LoaderOptions = {},
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(
    async (ids) => {
      const rows = await batchFn(ids);
      const byKey = new Map(rows.map((row) => [keyOf(row), row]));
      return ids.map((id) => byKey.get(id) ?? null);
    },
    { maxBatchSize: options.maxBatchSize },
  );
}

/**
 * A per-request DataLoader of the rows belonging to each key, one query for all keys of a request; a row may belong
 * to several keys (an incident to each asset it affects). Keys without rows get `[]`.
 */
export function createGroupLoader<T>(
  batchFn: (keys: readonly string[]) => Promise<readonly T[]>,
  keysOf: (row: T) => string | readonly string[],
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
    for (const row of await batchFn(keys)) {
      const owners = keysOf(row);
      for (const key of typeof owners === 'string' ? [owners] : owners) groups.get(key)?.push(row);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}
