// What every use-case receives about the request, and the small helpers all of them share.
import { ConflictError } from '@opsgraph/graphql-kit';

export type Clock = () => Date;

export const PRODUCER = 'hr-performance';

/** Who runs a use-case: the caller (from the gateway's claims) and the request's correlation id. */
export interface Actor {
  userId: string | null;
  role: string;
  correlationId: string | null;
}

/** Envelope fields of an event about `aggregate` (after the change) caused by `actor`. */
export function eventFields(actor: Actor, aggregate: { id: string; version: number }) {
  return {
    aggregateId: aggregate.id,
    aggregateVersion: aggregate.version,
    producer: PRODUCER,
    actor: { id: actor.userId, role: actor.role },
    ...(actor.correlationId ? { correlationId: actor.correlationId } : {}),
  };
}

export function stale(expectedVersion: number, actualVersion: number): ConflictError {
  return new ConflictError(`Version ${expectedVersion} is stale; the current version is ${actualVersion}`, {
    expectedVersion,
    actualVersion,
  });
}
