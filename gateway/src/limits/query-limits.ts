import {
  GraphQLError,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import type { QueryLimits } from '../config';

/** One code for every "your query is too big" refusal; `extensions.limit` says which. */
export const QUERY_LIMIT_EXCEEDED = 'QUERY_LIMIT_EXCEEDED';
export type LimitName = 'depth' | 'aliases' | 'cost' | 'tokens';

/**
 * Thrown (as a validation error) before the query planner ever sees the operation. Apollo Server rewrites the code
 * of validation errors to GRAPHQL_VALIDATION_FAILED; the gateway's formatError restores ours from this class.
 */
export class QueryLimitError extends GraphQLError {
  constructor(limit: LimitName, max: number, actual?: number) {
    super(
      actual === undefined
        ? `Query exceeds the ${limit} limit of ${max}`
        : `Query ${limit} ${actual} exceeds the limit of ${max}`,
      { extensions: { code: QUERY_LIMIT_EXCEEDED, limit, max, ...(actual === undefined ? {} : { actual }) } },
    );
  }
}

export interface OperationMeasure {
  depth: number;
  aliases: number;
  cost: number;
}

/** A `first:`/`last:` argument without a literal value (a variable) counts as a full page. */
export const ASSUMED_PAGE_SIZE = 100;
const ZERO: OperationMeasure = { depth: 0, aliases: 0, cost: 0 };

function pageSize(field: FieldNode): number {
  if (!field.arguments) return 1;
  for (const argument of field.arguments) {
    const name = argument.name.value;
    if (name !== 'first' && name !== 'last') continue;
    if (argument.value.kind === Kind.INT) return Math.max(1, Number(argument.value.value));
    if (argument.value.kind === Kind.VARIABLE) return ASSUMED_PAGE_SIZE;
  }
  return 1;
}

// Introspection is bounded by graphql's own MaxIntrospectionDepthRule (and is off in production); counting it here
// would refuse the standard introspection query of every IDE.
function isIntrospection(field: FieldNode): boolean {
  const name = field.name.value;
  return name === '__schema' || name === '__type';
}

/**
 * Depth, aliases and cost of a selection set with fragments expanded (memoised per fragment, so fragment "bombs"
 * are measured by what they expand to without being expanded). Cyclic spreads count once; graphql's
 * NoFragmentCyclesRule reports them.
 */
export function measureSelectionSet(
  selectionSet: SelectionSetNode,
  getFragment: (name: string) => FragmentDefinitionNode | undefined | null,
  memo: Map<string, OperationMeasure> = new Map(),
  visiting: Set<string> = new Set(),
): OperationMeasure {
  let depth = 0;
  let aliases = 0;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    let child: OperationMeasure;
    if (selection.kind === Kind.FIELD) {
      if (isIntrospection(selection)) continue;
      if (selection.alias) aliases += 1;
      if (selection.selectionSet) {
        child = measureSelectionSet(selection.selectionSet, getFragment, memo, visiting);
        const times = pageSize(selection);
        cost += 1 + child.cost * times;
        aliases += child.aliases;
        depth = Math.max(depth, child.depth + 1);
      } else {
        cost += 1;
        depth = Math.max(depth, 1);
      }
      continue;
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      child = measureSelectionSet(selection.selectionSet, getFragment, memo, visiting);
    } else {
      const name = selection.name.value;
      const known = memo.get(name);
      if (known) {
        child = known;
      } else {
        const fragment = getFragment(name);
        if (!fragment || visiting.has(name)) {
          child = ZERO;
        } else {
          visiting.add(name);
          child = measureSelectionSet(fragment.selectionSet, getFragment, memo, visiting);
          visiting.delete(name);
          memo.set(name, child);
        }
      }
    }
    depth = Math.max(depth, child.depth);
    aliases += child.aliases;
    cost += child.cost;
  }
  return { depth, aliases, cost };
}

/**
 * Validation rule: Apollo Server validates once per distinct document (then caches it), so these walks cost nothing
 * on repeated queries, and everything refused here never reaches the query planner.
 */
export function queryLimitsRule(
  limits: Pick<QueryLimits, 'maxDepth' | 'maxAliases' | 'maxCost'>,
): ValidationRule {
  return (context) => {
    const getFragment = (name: string) => context.getFragment(name);
    const memo = new Map<string, OperationMeasure>();
    return {
      OperationDefinition(node) {
        const measure = measureSelectionSet(node.selectionSet, getFragment, memo);
        if (measure.depth > limits.maxDepth) {
          context.reportError(new QueryLimitError('depth', limits.maxDepth, measure.depth));
        } else if (measure.aliases > limits.maxAliases) {
          context.reportError(new QueryLimitError('aliases', limits.maxAliases, measure.aliases));
        } else if (measure.cost > limits.maxCost) {
          context.reportError(new QueryLimitError('cost', limits.maxCost, measure.cost));
        }
        return false;
      },
    };
  };
}

// graphql 16 says "more that N tokens" (sic); accept the corrected spelling too.
const TOKEN_LIMIT_MESSAGE = /Document contains more th(?:at|an) (\d+) tokens/;

/** graphql's parser reports the token limit as a syntax error; this recognises it to give it our code. */
export function tokenLimitOf(message: string): number | undefined {
  const match = TOKEN_LIMIT_MESSAGE.exec(message);
  return match ? Number(match[1]) : undefined;
}
