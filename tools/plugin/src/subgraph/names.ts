import { names } from '@nx/devkit';

/** Every spelling the templates use, from the subgraph's name and its example aggregate's type. */
export interface SubgraphNames {
  /** `work-order`: services/<name>, the Nx project, the manifest entry, the events' producer. */
  readonly name: string;
  /** `WorkOrder`: the context and services types. */
  readonly Service: string;
  /** `opsgraph_work_order` */
  readonly database: string;
  /** `order`: the aggregate type of its events and topic, the table prefix, the GraphQL field of one. */
  readonly aggregate: string;
  /** `Order` */
  readonly Aggregate: string;
  /** `ORDER` (permission actions) */
  readonly CONST: string;
  /** `orders`: the folder, the table, the GraphQL list field. */
  readonly plural: string;
  /** `Orders` */
  readonly Plural: string;
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
// Event types are `<aggregate>.<verb>` with `[a-z_]` on both sides, and the manifest's `owns` is kebab-case: one word.
const AGGREGATE = /^[a-z]+$/;

export function pluralOf(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

export function subgraphNames(name: string, aggregate?: string): SubgraphNames {
  if (!NAME.test(name))
    throw new Error(`"${name}" is not a subgraph name: use kebab-case, e.g. "asset" or "work-order"`);
  const type = aggregate ?? name;
  if (!AGGREGATE.test(type)) {
    throw new Error(
      aggregate === undefined
        ? `"${name}" is not one lower-case word: pass the aggregate type, e.g. --aggregate=${
            name
              .split('-')
              .pop()
              ?.replace(/[^a-z]/g, '') || 'thing'
          }`
        : `--aggregate "${aggregate}" must be one lower-case word (letters only), e.g. "asset"`,
    );
  }
  const plural = pluralOf(type);
  return {
    name,
    Service: names(name).className,
    database: `opsgraph_${name.replace(/-/g, '_')}`,
    aggregate: type,
    Aggregate: names(type).className,
    CONST: names(type).constantName,
    plural,
    Plural: names(plural).className,
  };
}
