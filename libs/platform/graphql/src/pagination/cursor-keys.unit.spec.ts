import { cursorKeys } from './cursor-keys';

const ID = '0b6f3c1e-8a4d-4c8e-9f57-2f1d4b6a9c01';

describe('cursorKeys', () => {
  it('is null without a cursor', () => {
    expect(cursorKeys(null, ['timestamp', 'uuid'])).toBeNull();
  });

  it('gives back the keys of a cursor of the expected shape', () => {
    expect(cursorKeys(['2026-01-01T00:00:00.000Z', ID], ['timestamp', 'uuid'])).toEqual([
      '2026-01-01T00:00:00.000Z',
      ID,
    ]);
    expect(cursorKeys(['E-0042', ID], ['text', 'uuid'])).toEqual(['E-0042', ID]);
  });

  it.each([
    ['too few keys', ['2026-01-01T00:00:00.000Z']],
    ['too many keys', ['2026-01-01T00:00:00.000Z', ID, 'x']],
    ['a key that is not a string', [20260101, ID]],
    ['a bad date-time', ['yesterday', ID]],
    ['a bad UUID', ['2026-01-01T00:00:00.000Z', 'not-a-uuid']],
  ])('refuses %s as BAD_USER_INPUT on after', (_, after) => {
    expect(() => cursorKeys(after, ['timestamp', 'uuid'])).toThrow(
      expect.objectContaining({ message: 'Invalid cursor in "after"' }),
    );
  });

  it('refuses NUL in a text key', () => {
    expect(() => cursorKeys(['E-\u00000042', ID], ['text', 'uuid'])).toThrow('Invalid cursor in "after"');
  });
});
