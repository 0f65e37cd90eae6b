// Use-cases describe their events as drafts (definition + data); the unit of work numbers them with the aggregate's
// versions and wraps them in envelopes carrying the producer, the actor and the request's correlation id.
import {
  createEvent,
  type EventActor,
  type EventDataOf,
  type EventDefinition,
  type EventEnvelope,
} from '@opsgraph/contracts-events';

export interface EventDraft {
  readonly definition: EventDefinition;
  readonly data: unknown;
}

/** Type-checks the data against the definition, then forgets the type (drafts of different events share a list). */
export function draft<D extends EventDefinition>(definition: D, data: EventDataOf<D>): EventDraft {
  return { definition, data };
}

export interface EnvelopeContext {
  readonly producer: string;
  readonly actor: EventActor;
  readonly correlationId: string;
  readonly occurredAt: Date;
}

export function envelopeOf(
  aggregateId: string,
  aggregateVersion: number,
  eventDraft: EventDraft,
  context: EnvelopeContext,
): EventEnvelope {
  return createEvent(eventDraft.definition, {
    aggregateId,
    aggregateVersion,
    producer: context.producer,
    actor: context.actor,
    correlationId: context.correlationId,
    occurredAt: context.occurredAt,
    data: eventDraft.data as EventDataOf<EventDefinition>,
  });
}
