import { formatTicketNumber, parseTicketNumber } from './ticket.number';

describe('formatTicketNumber', () => {
  it.each([
    [1, 'TCK-000001'],
    [123, 'TCK-000123'],
    [999_999, 'TCK-999999'],
    [1_000_000, 'TCK-1000000'],
    [12_345_678, 'TCK-12345678'],
  ])('%d → %s', (seq, text) => {
    expect(formatTicketNumber(seq)).toBe(text);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])('rejects %d', (seq) => {
    expect(() => formatTicketNumber(seq)).toThrow(RangeError);
  });
});

describe('parseTicketNumber', () => {
  it.each([
    ['TCK-000123', 123],
    ['TCK-1000000', 1_000_000],
    ['  tck-000042 ', 42],
  ])('%j → %d', (text, seq) => {
    expect(parseTicketNumber(text)).toBe(seq);
  });

  it.each([
    '',
    'TCK-',
    'TCK-123',
    'TCK-0000123',
    'TCK-000000',
    'TCK-00012a',
    'INC-000123',
    'TCK-+00123',
    'TCK-99999999999999999999',
  ])('rejects %j', (text) => {
    expect(parseTicketNumber(text)).toBeNull();
  });

  it('round-trips with formatTicketNumber', () => {
    for (const seq of [1, 77, 999_999, 1_000_000, 2 ** 40]) {
      expect(parseTicketNumber(formatTicketNumber(seq))).toBe(seq);
    }
  });
});
