// PostgreSQL `timestamptz` text → Date, for the form the server sends every ordinary value in
// (`2024-01-05 10:00:00.123456+00`, `…+05:30`): fixed positions instead of pg's generic parser (postgres-date: three
// regular expressions and a split per value, a few µs each, times every timestamp column of every row read). Any
// other form (BC, infinity, years before 100 or after 9999, second offsets) goes to the generic parser, and the
// result is the same Date the generic parser gives (same millisecond arithmetic): timestamp-parser.unit.spec.ts.
import { types } from 'pg';

const TIMESTAMPTZ_OID = 1184;

type Parser = (value: string) => unknown;

const digit = (code: number) => code >= 48 && code <= 57;

function twoDigits(text: string, at: number): number {
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return digit(high) && digit(low) ? (high - 48) * 10 + (low - 48) : -1;
}

/** The Date of `text` when it has the plain form, else undefined (the caller falls back). */
export function parsePlainTimestamptz(text: string): Date | undefined {
  if (text.length < 22 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  if (text.charCodeAt(10) !== 32 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58)
    return undefined;
  const century = twoDigits(text, 0);
  const yearInCentury = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (century < 1 || yearInCentury < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0)
    return undefined;
  let at = 19;
  let ms = 0;
  if (text.charCodeAt(at) === 46) {
    const start = at;
    at += 1;
    while (at < text.length && digit(text.charCodeAt(at))) at += 1;
    if (at === start + 1) return undefined;
    // As postgres-date computes it (Date.UTC then drops the fraction of a millisecond).
    ms = 1000 * parseFloat(text.slice(start, at));
  }
  const sign = text.charCodeAt(at);
  if (sign !== 43 && sign !== 45) return undefined;
  const offsetHours = twoDigits(text, at + 1);
  if (offsetHours < 0) return undefined;
  let offsetMinutes = 0;
  if (at + 3 === text.length) {
    // `+HH`
  } else if (at + 6 === text.length && text.charCodeAt(at + 3) === 58) {
    offsetMinutes = twoDigits(text, at + 4);
    if (offsetMinutes < 0) return undefined;
  } else {
    return undefined;
  }
  const offset = (sign === 45 ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60) * 1000;
  const utc = Date.UTC(century * 100 + yearInCentury, month - 1, day, hour, minute, second, ms);
  return new Date(utc - offset);
}

let installed = false;

/** Registers the parser for `timestamptz` with pg (process-wide, once); other values go to pg's own parser. */
export function installTimestamptzParser(): void {
  if (installed) return;
  installed = true;
  const generic = types.getTypeParser(TIMESTAMPTZ_OID, 'text') as Parser;
  types.setTypeParser(
    TIMESTAMPTZ_OID,
    'text',
    (text: string) => parsePlainTimestamptz(text) ?? generic(text),
  );
}
