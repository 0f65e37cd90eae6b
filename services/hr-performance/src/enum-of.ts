import { graphqlEnum } from '@opsgraph/graphql-kit';

/** The kit's `graphqlEnum` for a list of values (`['A', 'B']` → `{ A: 'A', B: 'B' }`), e.g. a contract's list. */
export function enumOf<const T extends readonly string[]>(values: T, name: string, description: string) {
  const members = Object.fromEntries(values.map((value) => [value, value])) as { [K in T[number]]: K };
  return graphqlEnum(members, name, description);
}
