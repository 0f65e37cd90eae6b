// Domain → contract events (@opsgraph/contracts-events). Pure: use-cases describe their events as drafts (definition +
// data); the unit of work numbers them with the ticket's versions and wraps them in envelopes.
import {
  createEvent,
  TicketSlaBreached,
  type EventActor,
  type EventDataOf,
  type EventDefinition,
  type EventEnvelope,
  type TicketSnapshot,
} from '@opsgraph/contracts-events';
import { CONTINUOUS_CALENDAR, type SlaCalendar } from '../sla/sla-calendar';
import type { Breach, Ticket } from './ticket.model';

export const PRODUCER = 'ticket';

export interface EventDraft {
  readonly definition: EventDefinition;
  readonly data: unknown;
}

/** Type-checks the data against the definition, then forgets the type (drafts of different events share a list). */
export function draft<D extends EventDefinition>(definition: D, data: EventDataOf<D>): EventDraft {
  return { definition, data };
}

/** The ticket after the event, as every ticket event carries it. No contact data: the customer is an id. */
export function snapshotOf(ticket: Ticket): TicketSnapshot {
  return {
    ticketId: ticket.id,
    number: ticket.number,
    kind: ticket.kind,
    category: ticket.category,
    channel: ticket.channel,
    priority: ticket.priority,
    status: ticket.status,
    customerId: ticket.customerId,
    assigneeId: ticket.assigneeId,
    departmentId: ticket.departmentId,
    openedAt: ticket.createdAt.toISOString(),
    acknowledgedAt: iso(ticket.acknowledgedAt),
    resolvedAt: iso(ticket.resolvedAt),
    closedAt: iso(ticket.closedAt),
    responseDueAt: ticket.sla.responseDueAt.toISOString(),
    resolutionDueAt: ticket.sla.resolutionDueAt.toISOString(),
    escalationLevel: ticket.escalationLevel,
  };
}

/** Working seconds from opening to the first response, or null before it. */
export function firstResponseSeconds(
  ticket: Ticket,
  calendar: SlaCalendar = CONTINUOUS_CALENDAR,
): number | null {
  if (ticket.acknowledgedAt === null) return null;
  return Math.round(calendar.workingSecondsBetween(ticket.sla.startedAt, ticket.acknowledgedAt));
}

export function slaBreachedDrafts(ticket: Ticket, breaches: readonly Breach[], now: Date): EventDraft[] {
  return breaches.map((breach) =>
    draft(TicketSlaBreached, {
      ...snapshotOf(ticket),
      deadline: breach.deadline,
      dueAt: breach.dueAt.toISOString(),
      breachedAt: now.toISOString(),
    }),
  );
}

export interface EnvelopeContext {
  readonly actor: EventActor;
  readonly correlationId: string;
  readonly occurredAt: Date;
}

export function toEnvelope(
  ticketId: string,
  aggregateVersion: number,
  eventDraft: EventDraft,
  context: EnvelopeContext,
): EventEnvelope {
  return createEvent(eventDraft.definition, {
    aggregateId: ticketId,
    aggregateVersion,
    producer: PRODUCER,
    actor: context.actor,
    correlationId: context.correlationId,
    occurredAt: context.occurredAt,
    data: eventDraft.data as EventDataOf<EventDefinition>,
  });
}

function iso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}
