import {
  buildSchema,
  parse,
  validate,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import {
  ASSUMED_PAGE_SIZE,
  measureSelectionSet,
  queryLimitsRule,
  QueryLimitError,
  tokenLimitOf,
} from './query-limits';

function measure(query: string) {
  const document = parse(query);
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === 'FragmentDefinition')
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition',
  )!;
  return measureSelectionSet(operation.selectionSet, (name) => fragments.get(name));
}

describe('measureSelectionSet', () => {
  it('counts depth from 1 at the top level, and one cost per field', () => {
    expect(measure('{ a }')).toEqual({ depth: 1, aliases: 0, cost: 1 });
    expect(measure('{ a { b { c d } } e }')).toEqual({ depth: 3, aliases: 0, cost: 5 });
  });

  it('counts aliases, inline fragments and named fragments (expanded)', () => {
    expect(measure('{ x: a { ...F ... on T { y: c } } } fragment F on T { z: b { d } }')).toEqual({
      depth: 3,
      aliases: 3,
      cost: 4,
    });
  });

  it('multiplies what is below a page by its size; a variable page counts as a full one', () => {
    expect(measure('{ list(first: 10) { a b } }').cost).toBe(21);
    expect(measure('query ($n: Int) { list(last: $n) { a } }').cost).toBe(1 + ASSUMED_PAGE_SIZE);
  });

  it('measures a fragment bomb by its expansion without expanding it', () => {
    const fragments = ['fragment F0 on T { a b }'];
    for (let i = 1; i <= 40; i++) fragments.push(`fragment F${i} on T { ...F${i - 1} ...F${i - 1} }`);
    expect(measure(`{ t { ...F40 } } ${fragments.join(' ')}`).cost).toBeGreaterThan(1e12);
  });

  it('survives fragment cycles (graphql reports them)', () => {
    expect(measure('{ t { ...A } } fragment A on T { a ...B } fragment B on T { b ...A }').cost).toBe(3);
  });

  it("leaves introspection to graphql's own depth rule", () => {
    expect(measure('{ __schema { types { fields { type { ofType { ofType { name } } } } } } a }')).toEqual({
      depth: 1,
      aliases: 0,
      cost: 1,
    });
  });
});

describe('queryLimitsRule', () => {
  const schema = buildSchema('type Query { node: Node } type Node { id: ID next: Node }');
  const limits = { maxDepth: 3, maxAliases: 2, maxCost: 10 };
  const errors = (query: string) => validate(schema, parse(query), [queryLimitsRule(limits)]);

  it('accepts what is within every limit', () => {
    expect(errors('{ node { next { id } } }')).toEqual([]);
  });

  it('reports depth, then aliases, then cost, as QueryLimitError with code and figures', () => {
    const [depth] = errors('{ node { next { next { id } } } }');
    expect(depth.originalError ?? depth).toBeInstanceOf(QueryLimitError);
    expect(depth.extensions).toEqual({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'depth', max: 3, actual: 4 });
    expect(errors('{ a: node { id } b: node { id } c: node { id } }')[0].extensions).toMatchObject({
      limit: 'aliases',
    });
    expect(
      errors('{ node { id next { id } } node { id next { id } } node { id next { id } } }')[0].extensions,
    ).toMatchObject({
      limit: 'cost',
      actual: 12,
    });
  });
});

describe('tokenLimitOf', () => {
  it("recognises graphql's token limit message", () => {
    expect(tokenLimitOf('Syntax Error: Document contains more that 2000 tokens. Parsing aborted.')).toBe(
      2000,
    );
    expect(tokenLimitOf('Syntax Error: Unexpected Name "x".')).toBeUndefined();
  });
});
