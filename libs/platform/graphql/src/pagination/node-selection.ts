import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

type SelectionSource = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;

/**
 * The names of the fields selected at `path` below the resolver's own field, through fragments: for a connection,
 * `selectedFieldsAt(info, ['edges', 'node'])` is what the client reads of each node. `@include`/`@skip` are not
 * evaluated, so the set may hold more than is executed, never less.
 */
export function selectedFieldsAt(info: SelectionSource, path: readonly string[]): Set<string> {
  let sets: SelectionSetNode[] = info.fieldNodes.flatMap((node) =>
    node.selectionSet ? [node.selectionSet] : [],
  );
  for (const step of path) {
    sets = fieldsOf(info, sets)
      .filter((field) => field.name.value === step)
      .flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
  }
  return new Set(fieldsOf(info, sets).map((field) => field.name.value));
}

function fieldsOf(info: SelectionSource, sets: readonly SelectionSetNode[]): FieldNode[] {
  const fields: FieldNode[] = [];
  const visit = (set: SelectionSetNode | undefined, seen: Set<string>) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') fields.push(selection);
      else if (selection.kind === 'InlineFragment') visit(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        // A fragment spread twice is read once (validation already refuses cycles).
        seen.add(selection.name.value);
        visit(info.fragments[selection.name.value]?.selectionSet, seen);
      }
    }
  };
  for (const set of sets) visit(set, new Set());
  return fields;
}
