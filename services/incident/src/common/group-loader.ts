import DataLoader from 'dataloader';

/**
 * A per-request loader of the rows belonging to each key, one query for all keys of a request. A row may belong to
 * several keys (an incident to each asset it affects).
 */
export function groupLoader<T>(
  batch: (keys: readonly string[]) => Promise<readonly T[]>,
  keysOf: (row: T) => string | readonly string[],
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
    for (const row of await batch(keys)) {
      const owners = keysOf(row);
      for (const key of typeof owners === 'string' ? [owners] : owners) groups.get(key)?.push(row);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}
