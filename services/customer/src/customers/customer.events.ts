// Domain → contract events (@opsgraph/contracts-events). Pure: use-cases describe their event as a draft
// (definition + data); the unit of work numbers it with the customer's version and wraps it in an envelope.
// No contact data, no consent flags: the contract forbids them (consumers that need them ask the graph).
import {
  createEvent,
  type EventActor,
  type EventDataOf,
  type EventDefinition,
  type EventEnvelope,
} from '@opsgraph/contracts-events';

export const PRODUCER = 'customer';

export interface EventDraft {
  readonly definition: EventDefinition;
  readonly data: unknown;
}

/** Type-checks the data against the definition, then forgets the type. */
export function draft<D extends EventDefinition>(definition: D, data: EventDataOf<D>): EventDraft {
  return { definition, data };
}

export interface EnvelopeContext {
  readonly actor: EventActor;
  readonly correlationId: string;
  readonly occurredAt: Date;
}

export function toEnvelope(
  customerId: string,
  aggregateVersion: number,
  eventDraft: EventDraft,
  context: EnvelopeContext,
): EventEnvelope {
  return createEvent(eventDraft.definition, {
    aggregateId: customerId,
    aggregateVersion,
    producer: PRODUCER,
    actor: context.actor,
    correlationId: context.correlationId,
    occurredAt: context.occurredAt,
    data: eventDraft.data as EventDataOf<EventDefinition>,
  });
}
