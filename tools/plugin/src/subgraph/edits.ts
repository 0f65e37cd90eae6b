// Edits of the event catalogue's TypeScript files, located through the TypeScript AST (not by line or marker), so
// they survive reformatting and reordering. Each finds one declaration by name and fails with a message naming it
// when the file no longer has that shape. Pure string → string: unit-tested on the real files.
import ts from 'typescript';
import type { SubgraphNames } from './names';

interface Insertion {
  at: number;
  text: string;
}

class ShapeError extends Error {
  constructor(file: string, what: string) {
    super(
      `${file}: cannot find ${what}; the generator edits it through tools/plugin/src/subgraph/edits.ts — update that, or add the aggregate by hand`,
    );
  }
}

function parse(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
}

function apply(text: string, insertions: Insertion[]): string {
  return [...insertions]
    .sort((a, b) => b.at - a.at)
    .reduce((result, { at, text: insert }) => result.slice(0, at) + insert + result.slice(at), text);
}

function variable(source: ts.SourceFile, name: string): ts.Expression | undefined {
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === name) return declaration.initializer;
    }
  }
  return undefined;
}

/** `[…]`, `[…] as const`, `Object.freeze([…])` or `{…}` (also `{…} satisfies T`) → the literal inside. */
function literal(
  expression: ts.Expression | undefined,
): ts.ArrayLiteralExpression | ts.ObjectLiteralExpression | undefined {
  if (!expression) return undefined;
  if (ts.isArrayLiteralExpression(expression) || ts.isObjectLiteralExpression(expression)) return expression;
  if (
    ts.isAsExpression(expression) ||
    ts.isSatisfiesExpression(expression) ||
    ts.isParenthesizedExpression(expression)
  ) {
    return literal(expression.expression);
  }
  if (ts.isCallExpression(expression) && expression.arguments.length === 1)
    return literal(expression.arguments[0]);
  return undefined;
}

/** Appends `item` as the last element/property of the literal that initialises `name`. */
function appendTo(source: ts.SourceFile, name: string, item: string): Insertion {
  const target = literal(variable(source, name));
  if (!target) throw new ShapeError(source.fileName, `the literal of \`${name}\``);
  const items: ts.NodeArray<ts.Node> = ts.isArrayLiteralExpression(target)
    ? target.elements
    : target.properties;
  const last = items[items.length - 1];
  const separator = target.getText(source).includes('\n') ? ',\n' : ', ';
  return last
    ? { at: last.end, text: `${separator}${item}` }
    : { at: target.getStart(source) + 1, text: item };
}

function afterImports(source: ts.SourceFile, line: string): Insertion {
  const imports = source.statements.filter(ts.isImportDeclaration);
  const last = imports[imports.length - 1];
  return last ? { at: last.end, text: `\n${line}` } : { at: 0, text: `${line}\n` };
}

/** topics.ts: the event module's import, the `DomainEvent` union, `AGGREGATE_TYPES` and the `TOPICS` entry. */
export function registerInTopics(text: string, n: SubgraphNames, file = 'topics.ts'): string {
  const source = parse(file, text);
  const union = source.statements.find(
    (statement): statement is ts.TypeAliasDeclaration =>
      ts.isTypeAliasDeclaration(statement) && statement.name.text === 'DomainEvent',
  );
  if (!union) throw new ShapeError(file, 'the type `DomainEvent`');
  return apply(text, [
    afterImports(
      source,
      `import { ${n.aggregate}EventDefinitions, type ${n.Aggregate}Event } from './${n.aggregate}/${n.aggregate}.events';`,
    ),
    { at: union.type.end, text: ` | ${n.Aggregate}Event` },
    appendTo(source, 'AGGREGATE_TYPES', `'${n.aggregate}'`),
    appendTo(
      source,
      'TOPICS',
      `topic('${n.aggregate}', 3, '${n.name}', '${n.Aggregate} events from the ${n.name} service.', ${n.aggregate}EventDefinitions)`,
    ),
  ]);
}

/** index.ts: re-exports the event module. */
export function exportFromIndex(text: string, n: SubgraphNames): string {
  const line = `export * from './${n.aggregate}/${n.aggregate}.events';`;
  return text.includes(line) ? text : `${text.trimEnd()}\n${line}\n`;
}

/** testing/event-samples.ts: a realistic sample of `<aggregate>.created` (the samples' type requires one per event). */
export function addEventSample(text: string, n: SubgraphNames, file = 'event-samples.ts'): string {
  const source = parse(file, text);
  const sample = `'${n.aggregate}.created': {
    ${n.aggregate}Id: '5d3c2b1a-0f9e-4d8c-b7a6-958473625140',
    title: 'North pumping station',
    createdAt: '2025-03-03T01:15:00.000Z',
  }`;
  return apply(text, [appendTo(source, 'eventDataSamples', sample)]);
}

/** The aggregate types `AGGREGATE_TYPES` lists today. */
export function aggregateTypesOf(text: string, file = 'topics.ts'): string[] {
  const source = parse(file, text);
  const target = literal(variable(source, 'AGGREGATE_TYPES'));
  if (!target || !ts.isArrayLiteralExpression(target))
    throw new ShapeError(file, 'the array `AGGREGATE_TYPES`');
  return target.elements.filter(ts.isStringLiteral).map((element) => element.text);
}
