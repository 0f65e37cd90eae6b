import { readableNumber } from './readable-number';

describe('readableNumber', () => {
  const numbers = readableNumber('TCK', 'ticket');

  it('writes the prefix and at least six digits', () => {
    expect(numbers.format(123)).toBe('TCK-000123');
    expect(numbers.format(1_234_567)).toBe('TCK-1234567');
  });

  it.each([0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1])('refuses %p as a sequence value', (seq) => {
    expect(() => numbers.format(seq)).toThrow(
      new RangeError(`A ticket sequence number must be a positive integer, got ${seq}`),
    );
  });

  it('reads back only the one spelling it writes, forgiving case and white space', () => {
    expect(numbers.parse(' tck-000123 ')).toBe(123);
    expect(numbers.parse('TCK-1234567')).toBe(1_234_567);
    expect(numbers.parse('TCK-0000123')).toBeNull();
    expect(numbers.parse('TCK-123')).toBeNull();
    expect(numbers.parse('EMP-000123')).toBeNull();
    expect(numbers.parse('TCK-000000')).toBeNull();
  });
});
