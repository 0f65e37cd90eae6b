import { BadUserInputError } from '../errors/errors';
import { isUuid } from '../validation/input-hygiene';
import type { CursorValues } from './cursor';

/** What one key of a keyset cursor may be: a UUID, a date-time, or text without NUL. */
export type CursorKey = 'uuid' | 'timestamp' | 'text';

const VALID: Record<CursorKey, (value: string) => boolean> = {
  uuid: isUuid,
  timestamp: (value) => !Number.isNaN(Date.parse(value)),
  text: (value) => !value.includes('\u0000'),
};

/**
 * The keys of a decoded cursor (`pageRequest(args).after`), checked against the keys the list is ordered by; null
 * without a cursor. A cursor of another shape is BAD_USER_INPUT on `after`, never a database error.
 */
export function cursorKeys<const K extends readonly CursorKey[]>(
  after: CursorValues | null,
  keys: K,
): { -readonly [I in keyof K]: string } | null {
  if (after === null) return null;
  const valid =
    after.length === keys.length &&
    keys.every((key, index) => {
      const value = after[index];
      return typeof value === 'string' && VALID[key](value);
    });
  if (!valid) throw new BadUserInputError('Invalid cursor in "after"', 'after');
  return after as { -readonly [I in keyof K]: string };
}
