import { encodeCursor, type CursorValues } from './cursor';
import type { ConnectionShape } from './connection';

/**
 * Builds a page from up to `first + 1` rows fetched in order: the extra row only tells that there is a
 * next page. `cursorOf` gives the keyset tuple of a row, e.g. `(t) => [t.createdAt.toISOString(), t.id]`.
 */
export function toConnection<T>(
  rows: readonly T[],
  first: number,
  cursorOf: (row: T) => CursorValues,
  totalCount: number,
): ConnectionShape<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: encodeCursor(cursorOf(node)), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
