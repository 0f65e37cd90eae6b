import {
  Kind,
  parse,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type FieldNode,
} from 'graphql';
import { selectedFieldsAt } from './node-selection';

/** The resolver info of the operation's first root field. */
function infoOf(query: string) {
  const document = parse(query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const fragments = Object.fromEntries(
    document.definitions
      .filter(
        (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
      )
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const root = operation?.selectionSet.selections[0] as FieldNode;
  return { fieldNodes: [root], fragments };
}

describe('selectedFieldsAt', () => {
  it('names the fields below a path, through inline fragments and named fragments', () => {
    const info = infoOf(`
      query {
        tickets(first: 2) {
          totalCount
          edges { cursor node { id ... on Ticket { status } ...More } }
          edges { node { subject } }
        }
      }
      fragment More on Ticket { number customer { id name } ...More2 }
      fragment More2 on Ticket { __typename priority }`);
    expect([...selectedFieldsAt(info, ['edges', 'node'])].sort()).toEqual([
      '__typename',
      'customer',
      'id',
      'number',
      'priority',
      'status',
      'subject',
    ]);
    expect([...selectedFieldsAt(info, ['edges'])].sort()).toEqual(['cursor', 'node']);
    expect([...selectedFieldsAt(info, [])].sort()).toEqual(['edges', 'totalCount']);
  });

  it('is empty when the path is not selected, and counts @skip-ped fields (more, never less)', () => {
    const info = infoOf(
      'query ($no: Boolean!) { tickets { totalCount edges { node { id status @skip(if: $no) } } } }',
    );
    expect(selectedFieldsAt(info, ['pageInfo']).size).toBe(0);
    expect([...selectedFieldsAt(info, ['edges', 'node'])].sort()).toEqual(['id', 'status']);
  });

  it('reads a fragment spread twice once and survives a fragment that is not defined', () => {
    const info = infoOf(
      '{ tickets { edges { node { ...A ...A ...Missing } } } } fragment A on Ticket { id }',
    );
    expect([...selectedFieldsAt(info, ['edges', 'node'])]).toEqual(['id']);
  });
});
