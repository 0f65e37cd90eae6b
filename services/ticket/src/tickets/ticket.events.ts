// The ticket → its contract events (@opsgraph/contracts-events): what every ticket event carries, and the drafts the
// kit's unit of work numbers with the ticket's versions.
import { TicketSlaBreached, type TicketSnapshot } from '@opsgraph/contracts-events';
import { draft, type EventDraft } from '@opsgraph/service-kit';
import { calendarOf } from '../sla-calendars/sla-calendar.rules';
import type { SlaCalendar } from '../sla/sla-calendar';
import type { Breach, Ticket } from './ticket.model';

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
  calendar: SlaCalendar = calendarOf(ticket.slaCalendar),
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

function iso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}
