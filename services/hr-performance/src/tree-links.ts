// Hierarchies kept as upward links: a department's parent, an employee's line manager. Pure.

/** id → the id one level up (null at the top). */
export type UpwardLinks = ReadonlyMap<string, string | null>;

/** Everything above `id`, nearest first, not including `id`. Stops on a (corrupt) cycle instead of looping. */
export function chainAbove(id: string, links: UpwardLinks): string[] {
  const chain: string[] = [];
  const seen = new Set([id]);
  let current = links.get(id) ?? null;
  while (current !== null && !seen.has(current)) {
    chain.push(current);
    seen.add(current);
    current = links.get(current) ?? null;
  }
  return chain;
}

/**
 * Would linking `id` up to `newUp` close a cycle? True when `newUp` is `id` itself or lies below it (i.e. `id` is
 * above `newUp`).
 */
export function wouldCloseCycle(id: string, newUp: string | null, links: UpwardLinks): boolean {
  if (newUp === null) return false;
  if (newUp === id) return true;
  return chainAbove(newUp, links).includes(id);
}
