import { groupByKey, toProducerMessage, type OutboxRow } from './outbox-message';

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
