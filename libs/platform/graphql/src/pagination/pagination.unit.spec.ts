import { BadUserInputError } from '../errors/errors';
import { pageRequest, MAX_PAGE_SIZE } from './connection-args';
import { decodeCursor, encodeCursor } from './cursor';
import { toConnection } from './to-connection';

function thrown(fn: () => unknown): BadUserInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof BadUserInputError) return error;
    throw error;
  }
  throw new Error('expected a BadUserInputError');
}

describe('cursors', () => {
  it('round-trip a keyset tuple through an opaque url-safe string', () => {
    const values = ['2024-01-01T00:00:00.000Z', '6f1c2c1e-1b7a-4e7c-9a0e-0a0a0a0a0a0a'];
    const cursor = encodeCursor(values);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('2024');
    expect(decodeCursor(cursor)).toEqual(values);
  });

  it.each([
    ['not base64!'],
    [Buffer.from('{not json').toString('base64url')],
    [encodeCursor([]).slice(0, 2)],
    [Buffer.from('{"a":1}').toString('base64url')],
    [encodeCursor([])],
  ])('rejects the malformed cursor %p as BAD_USER_INPUT on "after"', (cursor) => {
    const error = thrown(() => decodeCursor(cursor));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('pageRequest', () => {
  it('defaults to 20 and decodes the cursor', () => {
    expect(pageRequest({})).toEqual({ first: 20, after: null });
    expect(pageRequest({ first: 5, after: encodeCursor(['x', 1]) })).toEqual({ first: 5, after: ['x', 1] });
  });

  it('refuses a page above the cap with BAD_USER_INPUT on "first"', () => {
    expect(pageRequest({ first: MAX_PAGE_SIZE }).first).toBe(100);
    const error = thrown(() => pageRequest({ first: MAX_PAGE_SIZE + 1 }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(thrown(() => pageRequest({ first: -1 })).extensions.field).toBe('first');
  });
});

describe('toConnection', () => {
  const rows = [1, 2, 3].map((n) => ({ id: `id-${n}`, n }));
  const cursorOf = (row: { id: string }) => [row.id];

  it('uses the extra row only to tell that a next page exists', () => {
    const page = toConnection(rows, 2, cursorOf, 10);
    expect(page.edges.map((edge) => edge.node.id)).toEqual(['id-1', 'id-2']);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor(['id-2']) });
    expect(page.totalCount).toBe(10);
    expect(decodeCursor(page.edges[0].cursor)).toEqual(['id-1']);
  });

  it('ends on the last page and on an empty one', () => {
    expect(toConnection(rows, 3, cursorOf, 3).pageInfo).toEqual({
      hasNextPage: false,
      endCursor: encodeCursor(['id-3']),
    });
    expect(toConnection([], 3, cursorOf, 0)).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
      totalCount: 0,
    });
  });
});
