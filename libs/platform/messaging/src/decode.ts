import { validateEvent, type DomainEvent } from '@opsgraph/contracts-events';

export type Decoded = { ok: true; event: DomainEvent } | { ok: false; error: string };

/** A Kafka message value → a contract-valid event, or why not (such messages go straight to the DLQ). */
export function decodeMessage(value: Buffer | null): Decoded {
  if (value === null) return { ok: false, error: 'invalid event: empty message value' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString('utf8'));
  } catch (error) {
    return { ok: false, error: `invalid event: not JSON (${(error as Error).message})` };
  }
  const result = validateEvent(parsed);
  return result.ok
    ? { ok: true, event: result.event }
    : { ok: false, error: `invalid event: ${result.errors.join('; ')}` };
}
