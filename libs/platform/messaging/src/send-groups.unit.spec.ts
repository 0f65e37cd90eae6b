import { chunkByBytes, groupByKey, recordBytes, toProducerMessage, type OutboxRow } from './outbox-message';

const row = (id: number, aggregate: string): OutboxRow => ({
  id: String(id),
  event_id: `e${id}`,
  topic: 'opsgraph.ticket.events.v1',
  aggregate_id: aggregate,
  payload: `{"eventId": "e${id}"}`,
  headers: {},
  created_at: new Date(0),
});

describe('groupByKey', () => {
  const rows = Array.from({ length: 200 }, (_, i) => row(i + 1, `ticket-${i % 37}`));

  it('puts every row in exactly one group and each aggregate in a single group, in id order', () => {
    const groups = groupByKey(rows, 4);
    expect(groups).toHaveLength(4);
    expect(
      groups
        .flat()
        .map((r) => r.id)
        .sort((a, b) => Number(a) - Number(b)),
    ).toEqual(rows.map((r) => r.id));
    const groupOf = new Map<string, number>();
    groups.forEach((group, index) => {
      for (const r of group) {
        expect(groupOf.get(r.aggregate_id) ?? index).toBe(index);
        groupOf.set(r.aggregate_id, index);
      }
      const ids = group.map((r) => Number(r.id));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    });
  });

  it('spreads aggregates over the groups and is the same on every call', () => {
    const groups = groupByKey(rows, 4);
    expect(groups.every((group) => group.length > 0)).toBe(true);
    expect(groupByKey(rows, 4)).toEqual(groups);
    expect(groupByKey(rows, 1)).toEqual([rows]);
  });
});

describe('toProducerMessage', () => {
  it('sends a text payload as it is and serializes an object payload', () => {
    expect(toProducerMessage(row(1, 'a')).value).toBe('{"eventId": "e1"}');
    expect(toProducerMessage({ ...row(2, 'a'), payload: { eventId: 'e2' } }).value).toBe('{"eventId":"e2"}');
  });
});

describe('chunkByBytes (a batch cut to what one produce request may hold)', () => {
  const sized = (id: number, payload: string, headers: Record<string, string> = {}): OutboxRow => ({
    ...row(id, 'ticket-1'),
    payload,
    headers,
  });

  it('counts bytes, not characters: payload, key, headers and the record framing', () => {
    const ascii = sized(1, 'x'.repeat(90));
    const cjk = sized(2, '工'.repeat(30), { 'event-type': 'ticket.opened' });
    // 30 CJK characters are 90 bytes, like the 90 ASCII ones: only the header differs.
    expect(recordBytes(cjk) - recordBytes(ascii)).toBe('event-type'.length + 'ticket.opened'.length + 2);
    expect(recordBytes(ascii)).toBe(32 + 90 + 'ticket-1'.length);
  });

  it('cuts the rows into consecutive runs that fit, in order, a row too large for any run alone', () => {
    const rows = Array.from({ length: 10 }, (_, i) => sized(i + 1, 'x'.repeat(960)));
    const each = recordBytes(rows[0]);
    const ids = (chunks: OutboxRow[][]) => chunks.map((chunk) => chunk.map((r) => r.id));
    expect(ids(chunkByBytes(rows, each * 4 + 1))).toEqual([
      ['1', '2', '3', '4'],
      ['5', '6', '7', '8'],
      ['9', '10'],
    ]);
    expect(chunkByBytes(rows, each * 10)).toEqual([rows]);
    expect(chunkByBytes(rows, 10)).toHaveLength(10);
    const large = sized(11, 'x'.repeat(5000));
    expect(ids(chunkByBytes([rows[0], large, rows[1]], each * 2))).toEqual([['1'], ['11'], ['2']]);
    expect(chunkByBytes([], 10)).toEqual([]);
  });
});
