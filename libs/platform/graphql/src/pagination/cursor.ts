import { BadUserInputError } from '../errors/errors';

export type CursorValues = unknown[];

/** Opaque cursor: base64url JSON of a keyset tuple such as `[createdAt, id]`. */
export function encodeCursor(values: CursorValues): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** The keyset tuple back; a cursor that did not come from `encodeCursor` is BAD_USER_INPUT on `field`. */
export function decodeCursor(cursor: string, field = 'after'): CursorValues {
  const invalid = () => new BadUserInputError(`Invalid cursor in "${field}"`, field);
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length === 0) throw invalid();
  return parsed;
}
