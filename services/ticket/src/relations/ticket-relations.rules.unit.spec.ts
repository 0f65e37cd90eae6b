import {
  linkBetween,
  linkProblem,
  mergedDuplicate,
  mergeProblem,
  parentResolveProblem,
  relationsAfterMerge,
  type RelatedTicket,
  type TicketRelation,
} from './ticket-relations.rules';

const ticket = (id: string, overrides: Partial<RelatedTicket> = {}): RelatedTicket => ({
  id,
  number: `TCK-${id}`,
  status: 'IN_PROGRESS',
  customerId: 'c1',
  mergedIntoId: null,
  ...overrides,
});
const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => ticket(id)) as [
  RelatedTicket,
  RelatedTicket,
  RelatedTicket,
  RelatedTicket,
];
const parent = (fromId: string, toId: string): TicketRelation => ({ fromId, toId, kind: 'PARENT_OF' });
const related = (fromId: string, toId: string): TicketRelation => ({ fromId, toId, kind: 'RELATED' });

describe('linkProblem', () => {
  it('allows a first link of either kind', () => {
    expect(linkProblem(a, b, 'RELATED', [])).toBeNull();
    expect(linkProblem(a, b, 'PARENT_OF', [])).toBeNull();
  });

  it('refuses self links, merged tickets and repeats (RELATED in either direction)', () => {
    expect(linkProblem(a, a, 'RELATED', [])).toBe('A ticket cannot be linked to itself');
    expect(linkProblem(a, ticket('m', { mergedIntoId: 'b' }), 'RELATED', [])).toBe(
      'TCK-m was merged into another ticket; link the survivor instead',
    );
    expect(linkProblem(b, a, 'RELATED', [related('a', 'b')])).toBe(
      'TCK-b and TCK-a are already linked as RELATED',
    );
  });

  it('gives a child one parent and refuses cycles', () => {
    expect(linkProblem(c, b, 'PARENT_OF', [parent('a', 'b')])).toBe('TCK-b already has a parent');
    expect(linkProblem(c, a, 'PARENT_OF', [parent('a', 'b'), parent('b', 'c')])).toBe(
      'TCK-a is an ancestor of TCK-c: that would make a cycle',
    );
    expect(linkProblem(d, a, 'PARENT_OF', [parent('a', 'b'), parent('b', 'c')])).toBeNull();
  });
});

describe('parentResolveProblem', () => {
  const relations = [parent('a', 'b'), parent('a', 'c'), related('a', 'd')];

  it('blocks a parent while any child is open, naming them', () => {
    expect(parentResolveProblem('a', relations, [a, b, c, d])).toBe(
      'Resolve its open child tickets first: TCK-b, TCK-c',
    );
  });

  it('lets it resolve once every child is resolved or closed; related tickets do not count', () => {
    const done = [ticket('b', { status: 'RESOLVED' }), ticket('c', { status: 'CLOSED' }), d];
    expect(parentResolveProblem('a', relations, done)).toBeNull();
    expect(parentResolveProblem('d', relations, [a, b, c, d])).toBeNull();
  });
});

describe('mergeProblem', () => {
  it('merges an open duplicate into an open ticket of the same customer', () => {
    expect(mergeProblem(a, b)).toBeNull();
  });

  it.each<[string, RelatedTicket, RelatedTicket, string]>([
    ['itself', a, a, 'A ticket cannot be merged into itself'],
    ['twice', ticket('x', { mergedIntoId: 'b' }), b, 'TCK-x was already merged'],
    [
      'into a merged one',
      a,
      ticket('y', { mergedIntoId: 'c' }),
      'TCK-y was merged into another ticket; merge into that one',
    ],
    [
      'across customers',
      a,
      ticket('z', { customerId: 'c2' }),
      'Only tickets of the same customer are merged',
    ],
    [
      'a closed duplicate',
      ticket('x', { status: 'CLOSED' }),
      b,
      'TCK-x is CLOSED; only open tickets are merged',
    ],
    [
      'into a resolved one',
      a,
      ticket('y', { status: 'RESOLVED' }),
      'TCK-y is RESOLVED; merge into an open ticket',
    ],
  ])('refuses %s', (_case, duplicate, survivor, problem) => {
    expect(mergeProblem(duplicate, survivor)).toBe(problem);
  });
});

describe('relationsAfterMerge', () => {
  it('moves the duplicate’s links and children to the survivor, dropping links between the two and repeats', () => {
    const relations = [
      related('a', 'b'),
      related('a', 'c'),
      related('c', 'b'),
      parent('a', 'd'),
      related('x', 'y'),
    ];
    expect(relationsAfterMerge('a', 'b', relations)).toEqual([
      related('b', 'c'),
      parent('b', 'd'),
      related('x', 'y'),
    ]);
  });

  it('gives the survivor the duplicate’s parent only when it has none', () => {
    expect(relationsAfterMerge('a', 'b', [parent('p', 'a')])).toEqual([parent('p', 'b')]);
    expect(relationsAfterMerge('a', 'b', [parent('p', 'a'), parent('q', 'b')])).toEqual([parent('q', 'b')]);
  });
});

describe('mergedDuplicate', () => {
  it('closes the duplicate as MERGED, pointing to the survivor, and keeps the rest', () => {
    const now = new Date('2026-12-02T10:00:00.000Z');
    const duplicate = { ...ticket('x'), closedAt: null, closeReason: null, subject: 'Printer jams' };
    expect(mergedDuplicate(duplicate, 'a', now)).toEqual({
      ...duplicate,
      status: 'CLOSED',
      closedAt: now,
      closeReason: 'MERGED',
      mergedIntoId: 'a',
    });
  });
});

describe('linkBetween', () => {
  const relations: TicketRelation[] = [
    { fromId: 'a', toId: 'b', kind: 'PARENT_OF' },
    { fromId: 'c', toId: 'a', kind: 'RELATED' },
    { fromId: 'b', toId: 'd', kind: 'PARENT_OF' },
  ];

  it('finds the link whichever ticket made it, and says what the other one is', () => {
    expect(linkBetween('a', 'b', relations)).toEqual({ relation: relations[0], role: 'CHILD' });
    expect(linkBetween('b', 'a', relations)).toEqual({ relation: relations[0], role: 'PARENT' });
    expect(linkBetween('a', 'c', relations)).toEqual({ relation: relations[1], role: 'RELATED' });
    expect(linkBetween('c', 'a', relations)).toEqual({ relation: relations[1], role: 'RELATED' });
  });

  it('is null for tickets that are not linked to each other directly', () => {
    expect(linkBetween('a', 'd', relations)).toBeNull();
    expect(linkBetween('d', 'a', relations)).toBeNull();
    expect(linkBetween('a', 'a', relations)).toBeNull();
  });
});
