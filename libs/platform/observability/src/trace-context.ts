import { randomBytes } from 'node:crypto';

/** W3C Trace Context (https://www.w3.org/TR/trace-context/), carried in the `traceparent` Kafka header. */
export const TRACEPARENT_HEADER = 'traceparent';

export interface TraceContext {
  version: string;
  traceId: string;
  parentId: string;
  flags: string;
  sampled: boolean;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ALL_ZERO = /^0+$/;

function hex(bytes: number): string {
  let value = randomBytes(bytes).toString('hex');
  while (ALL_ZERO.test(value)) value = randomBytes(bytes).toString('hex');
  return value;
}

function format(traceId: string, parentId: string, flags: string): string {
  return `00-${traceId}-${parentId}-${flags}`;
}

export function newTraceparent(sampled = true): string {
  return format(hex(16), hex(8), sampled ? '01' : '00');
}

/** Returns `undefined` for anything that is not a valid traceparent (the spec says: ignore it). */
export function parseTraceparent(value: string | Buffer | null | undefined): TraceContext | undefined {
  if (value == null) return undefined;
  const text = (Buffer.isBuffer(value) ? value.toString('utf8') : value).trim().toLowerCase();
  const match = TRACEPARENT.exec(text);
  if (!match) return undefined;
  const [, version, traceId, parentId, flags, rest] = match;
  if (version === 'ff' || ALL_ZERO.test(traceId) || ALL_ZERO.test(parentId)) return undefined;
  // Version 00 has exactly four fields; later versions may append more.
  if (version === '00' && rest !== undefined) return undefined;
  return { version, traceId, parentId, flags, sampled: (parseInt(flags, 16) & 1) === 1 };
}

/** Same trace, new span id; starts a new trace when the parent is missing or invalid. */
export function childTraceparent(parent: string | Buffer | null | undefined): string {
  const context = parseTraceparent(parent);
  if (!context) return newTraceparent();
  return format(context.traceId, hex(8), context.flags);
}
