import { encodeCursor } from '@opsgraph/graphql-kit';
import { criteriaOf, ticketPageRequest } from './ticket.connection';
import type { TicketFilter } from './ticket.inputs';

const ID = '6f1c2b8e-3d4a-4b5c-9d6e-7f8091a2b3c4';

describe('ticketPageRequest', () => {
  it('decodes a cursor of ours into the keyset', () => {
    const after = encodeCursor(['2025-03-03T09:00:00.000Z', ID]);
    expect(ticketPageRequest({ first: 5, after })).toEqual({
      first: 5,
      after: { createdAt: new Date('2025-03-03T09:00:00.000Z'), id: ID },
    });
    expect(ticketPageRequest({})).toEqual({ first: 20, after: null });
  });

  it.each([
    ['not base64url JSON', 'nope!'],
    ['a wrong shape', encodeCursor([1, 2])],
    ['a bad date', encodeCursor(['yesterday', ID])],
    ['a bad id', encodeCursor(['2025-03-03T09:00:00.000Z', 'x'])],
    ['extra values', encodeCursor(['2025-03-03T09:00:00.000Z', ID, 3])],
  ])('rejects %s as BAD_USER_INPUT on after', (_, after) => {
    expect(() => ticketPageRequest({ after })).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } }),
    );
  });

  it('caps the page size', () => {
    expect(() => ticketPageRequest({ first: 101 })).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } }),
    );
  });
});

describe('criteriaOf', () => {
  it('keeps the conditions given and turns ranges into bounds', () => {
    const from = new Date('2025-01-01T00:00:00Z');
    const filter: TicketFilter = {
      status: ['NEW'],
      breached: false,
      createdAt: { from, to: null },
      customerId: null,
    };
    expect(criteriaOf(filter)).toEqual({ status: ['NEW'], breached: false, createdFrom: from });
    expect(criteriaOf(null)).toEqual({});
  });
});
