import { types } from 'pg';
import { parsePlainTimestamptz } from './timestamp-parser';

// pg's own parser for timestamptz (postgres-date): this spec never installs ours.
const parseGeneric = types.getTypeParser(1184, 'text') as (text: string) => unknown;

// A small deterministic generator: the same values on every run.
function* samples(count: number): Generator<string> {
  let seed = 19;
  const next = (below: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % below;
  };
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  for (let i = 0; i < count; i++) {
    const year = 1900 + next(250);
    const date = `${year}-${pad(1 + next(12))}-${pad(1 + next(28))} ${pad(next(24))}:${pad(next(60))}:${pad(next(60))}`;
    const digits = next(7);
    const fraction = digits === 0 ? '' : `.${String(next(10 ** digits)).padStart(digits, '0')}`;
    const zone = [
      '+00',
      `+${pad(next(15))}`,
      `-${pad(next(13))}`,
      `+${pad(next(15))}:${pad([0, 30, 45][next(3)])}`,
      `-${pad(next(13))}:30`,
    ][next(5)];
    yield `${date}${fraction}${zone}`;
  }
}

describe('parsePlainTimestamptz', () => {
  it('gives the Date that pg’s generic parser (postgres-date) gives, to the millisecond', () => {
    for (const text of samples(5_000)) {
      const fast = parsePlainTimestamptz(text);
      expect(fast).toBeInstanceOf(Date);
      expect([text, fast?.getTime()]).toEqual([text, (parseGeneric(text) as Date).getTime()]);
    }
  });

  it('keeps the millisecond arithmetic of the generic parser for fractions that are not exact in binary', () => {
    for (const fraction of ['.001', '.035', '.145', '.29', '.57', '.999999', '.0005', '.1']) {
      const text = `2024-03-10 02:30:00${fraction}+00`;
      expect(parsePlainTimestamptz(text)?.getTime()).toBe((parseGeneric(text) as Date).getTime());
    }
  });

  it('leaves every other form to the generic parser', () => {
    for (const text of [
      'infinity',
      '-infinity',
      '0044-03-15 12:00:00+00 BC',
      '0099-01-01 00:00:00+00',
      '12024-01-01 00:00:00+00',
      '2024-01-01 00:00:00+05:30:15',
      '2024-01-01T00:00:00Z',
      '2024-01-01 00:00:00',
      '2024-01-01 00:00:00.+00',
      '2024-01-01',
    ]) {
      expect(parsePlainTimestamptz(text)).toBeUndefined();
    }
  });
});
