// Related and parent/child tickets as each ticket sees them (docs/product.md §12.4): RELATED is shown on both
// tickets, PARENT_OF shows the child on the parent and the parent on the child; links of other tickets are not shown.
import {
  linkProblem,
  linksOf,
  parentOf,
  parentResolveProblem,
  relationsAfterMerge,
  type RelatedTicket,
  type TicketRelation,
} from './ticket-relations.rules';

const parent = (fromId: string, toId: string): TicketRelation => ({ fromId, toId, kind: 'PARENT_OF' });
const related = (fromId: string, toId: string): TicketRelation => ({ fromId, toId, kind: 'RELATED' });
const ticket = (id: string): RelatedTicket => ({
  id,
  number: `TCK-${id}`,
  status: 'IN_PROGRESS',
  customerId: 'c1',
  mergedIntoId: null,
});

describe('linksOf: the links of a ticket as it sees them', () => {
  const relations = [
    parent('p', 'a'),
    parent('a', 'c'),
    related('a', 'r'),
    related('s', 'a'),
    related('x', 'y'),
  ];

  it('shows its parent, its children and its related tickets from either side', () => {
    expect(linksOf('a', relations)).toEqual([
      { role: 'PARENT', ticketId: 'p' },
      { role: 'CHILD', ticketId: 'c' },
      { role: 'RELATED', ticketId: 'r' },
      { role: 'RELATED', ticketId: 's' },
    ]);
  });

  it('a RELATED link shows on both tickets, a parent link from each end', () => {
    expect(linksOf('r', relations)).toEqual([{ role: 'RELATED', ticketId: 'a' }]);
    expect(linksOf('p', relations)).toEqual([{ role: 'CHILD', ticketId: 'a' }]);
    expect(linksOf('c', relations)).toEqual([{ role: 'PARENT', ticketId: 'a' }]);
  });

  it('a ticket without links has none', () => {
    expect(linksOf('z', relations)).toEqual([]);
  });
});

describe('parentOf', () => {
  it('is the ticket whose PARENT_OF points at the child; a RELATED link is no parent', () => {
    expect(parentOf('a', [related('q', 'a'), parent('p', 'a')])).toBe('p');
    expect(parentOf('a', [related('q', 'a'), parent('a', 'c')])).toBeNull();
  });
});

describe('linkProblem: the same link is not made twice, but another kind is another link', () => {
  const [a, b] = [ticket('a'), ticket('b')];

  it('a PARENT_OF in the same direction is a repeat', () => {
    expect(linkProblem(a, b, 'PARENT_OF', [parent('a', 'b')])).toBe(
      'TCK-a and TCK-b are already linked as PARENT_OF',
    );
  });

  it('RELATED beside an existing parent link is allowed, and PARENT_OF beside a RELATED one', () => {
    expect(linkProblem(a, b, 'RELATED', [parent('a', 'b')])).toBeNull();
    expect(linkProblem(a, b, 'PARENT_OF', [related('a', 'b')])).toBeNull();
  });

  it('the reverse of a PARENT_OF is not a repeat but a cycle', () => {
    expect(linkProblem(b, a, 'PARENT_OF', [parent('a', 'b')])).toBe(
      'TCK-a is an ancestor of TCK-b: that would make a cycle',
    );
  });

  it('a merged ticket named first is refused as well', () => {
    expect(linkProblem({ ...a, mergedIntoId: 'b' }, b, 'RELATED', [])).toBe(
      'TCK-a was merged into another ticket; link the survivor instead',
    );
  });
});

describe('linkProblem: other links of the two tickets do not block a new one', () => {
  const [a, b] = [ticket('a'), ticket('b')];

  it('tickets related to third tickets can be related to each other', () => {
    expect(linkProblem(b, a, 'RELATED', [related('a', 'c'), related('c', 'b')])).toBeNull();
  });

  it('a child that has a parent can still be RELATED to another ticket (one parent limits PARENT_OF only)', () => {
    expect(linkProblem(a, b, 'RELATED', [parent('p', 'b')])).toBeNull();
  });
});

describe('parentResolveProblem names the open children in number order', () => {
  it('whatever order the tickets come in', () => {
    const children = [ticket('c'), ticket('b')];
    expect(parentResolveProblem('a', [parent('a', 'c'), parent('a', 'b')], children)).toBe(
      'Resolve its open child tickets first: TCK-b, TCK-c',
    );
  });
});

describe('relationsAfterMerge: only a parent link counts as a parent', () => {
  it('a survivor that is only RELATED to something still takes the duplicate’s parent', () => {
    expect(relationsAfterMerge('a', 'b', [related('x', 'b'), parent('p', 'a')])).toEqual([
      related('x', 'b'),
      parent('p', 'b'),
    ]);
  });

  it('a RELATED link into the duplicate moves to the survivor even when the survivor has a parent', () => {
    expect(relationsAfterMerge('a', 'b', [parent('q', 'b'), related('x', 'a')])).toEqual([
      parent('q', 'b'),
      related('x', 'b'),
    ]);
  });
});
