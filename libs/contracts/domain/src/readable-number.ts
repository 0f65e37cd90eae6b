// The numbers people speak of (TCK-000123, EMP-000042, AST-000007): a prefix and a sequence value, zero-padded to
// at least six digits. One spelling per number: parse accepts only what format writes (case and surrounding white
// space forgiven, as people type them into search boxes).

const MIN_DIGITS = 6;

export interface ReadableNumber {
  /** @throws RangeError when seq is not a positive safe integer (a sequence value never is). */
  format(seq: number): string;
  /** The sequence value, or null when the text is not one of these numbers. */
  parse(text: string): number | null;
}

/** `readableNumber('TCK', 'ticket')` → TCK-000123. */
export function readableNumber(prefix: string, what: string): ReadableNumber {
  const pattern = new RegExp(`^${prefix}-(\\d+)$`);
  const format = (seq: number): string => {
    if (!Number.isSafeInteger(seq) || seq < 1) {
      throw new RangeError(`A ${what} sequence number must be a positive integer, got ${seq}`);
    }
    return `${prefix}-${String(seq).padStart(MIN_DIGITS, '0')}`;
  };
  const parse = (text: string): number | null => {
    const candidate = text.trim().toUpperCase();
    const match = pattern.exec(candidate);
    if (match === null) return null;
    const seq = Number(match[1]);
    if (!Number.isSafeInteger(seq) || seq < 1) return null;
    return format(seq) === candidate ? seq : null;
  };
  return { format, parse };
}
