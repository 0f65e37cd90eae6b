/**
 * Which columns a list read needs for the fields a client selected. A page of rows costs mostly in parsing and
 * hydrating columns nobody asked for (a ticket row has over 40); a listing that knows where each of its fields comes
 * from reads only those. Any field the projection does not name needs the whole row, so a new field is correct
 * before it is fast.
 */
export interface ColumnProjection {
  /** Read whatever is selected: keys, and what cursors and access checks use. */
  readonly always: readonly string[];
  /** GraphQL field → the columns its value is computed from. */
  readonly byField: Readonly<Record<string, readonly string[]>>;
}

/** The columns for `selected` fields, or `null` for the whole row (a field the projection does not name). */
export function columnsFor(projection: ColumnProjection, selected: Iterable<string>): string[] | null {
  const columns = new Set(projection.always);
  for (const field of selected) {
    if (field === '__typename') continue;
    if (!Object.hasOwn(projection.byField, field)) return null;
    for (const column of projection.byField[field]) columns.add(column);
  }
  return [...columns];
}
