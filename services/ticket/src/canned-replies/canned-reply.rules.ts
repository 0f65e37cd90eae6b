// Canned replies (docs/product.md §12.5): a text with `{{variable}}` placeholders from a fixed list. Rendering is one
// pass of plain substitution: no expressions, no helpers, and a value is never scanned again, so a customer named
// "{{ticket.number}}" or "<script>" comes out exactly as written (escaping is the display's job, as for any text).

export const CANNED_REPLY_VARIABLES = [
  'customer.name',
  'ticket.number',
  'ticket.subject',
  'ticket.dueAt',
] as const;
export type CannedReplyVariable = (typeof CANNED_REPLY_VARIABLES)[number];

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The known variables the template uses, in order of first appearance, each once (what its events carry). */
export function usedVariables(body: string): CannedReplyVariable[] {
  const used = [...body.matchAll(PLACEHOLDER)]
    .map((match) => match[1]!)
    .filter((name): name is CannedReplyVariable => (CANNED_REPLY_VARIABLES as readonly string[]).includes(name));
  return [...new Set(used)];
}

/** Placeholders that are not known variables, in order of appearance, each once. */
export function unknownVariables(body: string): string[] {
  const unknown = [...body.matchAll(PLACEHOLDER)]
    .map((match) => match[1]!)
    .filter((name) => !(CANNED_REPLY_VARIABLES as readonly string[]).includes(name));
  return [...new Set(unknown)];
}

/** The body with every placeholder replaced by its value; a value that is unknown (null) reads as `—`. */
export function renderCannedReply(
  body: string,
  values: Readonly<Record<CannedReplyVariable, string | null>>,
): string {
  return body.replace(PLACEHOLDER, (whole, name: string) =>
    (CANNED_REPLY_VARIABLES as readonly string[]).includes(name)
      ? (values[name as CannedReplyVariable] ?? '—')
      : whole,
  );
}

/** How a due time reads in a reply: the ticket's calendar zone when it has one, else UTC, to the minute. */
export function formatDueAt(dueAt: Date, timeZone: string | null): string {
  const zone = timeZone ?? 'UTC';
  const text = new Intl.DateTimeFormat('sv-SE', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(dueAt);
  return `${text} (${zone})`;
}
