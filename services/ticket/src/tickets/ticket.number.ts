// Human-readable ticket numbers: TCK- and the sequence value, zero-padded to at least 6 digits.

const PREFIX = 'TCK-';
const MIN_DIGITS = 6;

/** @throws RangeError when seq is not a positive safe integer (a sequence value never is). */
export function formatTicketNumber(seq: number): string {
  if (!Number.isSafeInteger(seq) || seq < 1) {
    throw new RangeError(`A ticket sequence number must be a positive integer, got ${seq}`);
  }
  return PREFIX + String(seq).padStart(MIN_DIGITS, '0');
}

/**
 * The sequence value of a ticket number, or null when the text is not one. Case and surrounding whitespace
 * are forgiven (people type them into search boxes); otherwise only the canonical form parses, so a number
 * has exactly one spelling ('TCK-0000123' does not).
 */
export function parseTicketNumber(text: string): number | null {
  const candidate = text.trim().toUpperCase();
  const match = /^TCK-(\d+)$/.exec(candidate);
  if (match === null) return null;
  const seq = Number(match[1]);
  if (!Number.isSafeInteger(seq) || seq < 1) return null;
  return formatTicketNumber(seq) === candidate ? seq : null;
}
