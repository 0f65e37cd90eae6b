// What the ticket service does when an incident is activated or resolved (docs/product.md §5 "Fan-out").
// Pure decisions over the ticket aggregate; the projection applies them in the transaction that records the event.
import type { IncidentSeverity } from '@opsgraph/contracts-events';
import { calendarOf } from '../sla-calendars/sla-calendar.rules';
import { pause, resume, type SlaPauseReason } from '../sla/sla-clock';
import { isOpen } from '../tickets/ticket.lifecycle';
import type { Ticket } from '../tickets/ticket.model';
import type { Impact, Urgency } from '../tickets/ticket.priority';

/** The audited reason of a pause the fan-out makes. */
export const INCIDENT_PAUSE_REASON = 'INCIDENT' satisfies SlaPauseReason;

/** How urgent a key account's incident ticket is: the incident's severity, mapped onto urgency × impact. */
export const SEVERITY_TO_PRIORITY: Readonly<Record<IncidentSeverity, { urgency: Urgency; impact: Impact }>> =
  {
    SEV1: { urgency: 'HIGH', impact: 'HIGH' },
    SEV2: { urgency: 'HIGH', impact: 'MEDIUM' },
    SEV3: { urgency: 'MEDIUM', impact: 'MEDIUM' },
    SEV4: { urgency: 'LOW', impact: 'LOW' },
  };

export interface HoldRecord {
  readonly incidentId: string;
  readonly ticketId: string;
  /** The fan-out opened this ticket (for a key account); it resolves it with the incident. */
  readonly openedByFanout: boolean;
  readonly customerId: string;
  readonly releasedAt: Date | null;
}

/**
 * The open tickets to hold for the incident: those not held yet and not already part of another incident (a ticket
 * belongs to one incident; the first one keeps it).
 */
export function ticketsToHold(
  incidentId: string,
  candidates: readonly Pick<Ticket, 'id' | 'status' | 'incidentId'>[],
  holds: readonly Pick<HoldRecord, 'ticketId'>[],
): string[] {
  const held = new Set(holds.map((hold) => hold.ticketId));
  return candidates
    .filter((ticket) => isOpen(ticket.status) && !held.has(ticket.id))
    .filter((ticket) => ticket.incidentId === null || ticket.incidentId === incidentId)
    .map((ticket) => ticket.id);
}

/** Key accounts that get a ticket of their own: one each, once per incident (replays and duplicates open none). */
export function keyAccountsToOpen(
  keyAccountIds: readonly string[],
  holds: readonly Pick<HoldRecord, 'customerId' | 'openedByFanout'>[],
): string[] {
  const opened = new Set(holds.filter((hold) => hold.openedByFanout).map((hold) => hold.customerId));
  return [...new Set(keyAccountIds)].filter((id) => !opened.has(id));
}

/**
 * The ticket linked to the incident, its resolution clock held for the incident (a clock already paused for
 * another reason stays paused from its earlier start and now needs both reasons released).
 */
export function holdForIncident(ticket: Ticket, incidentId: string, now: Date): Ticket {
  return { ...ticket, incidentId, sla: pause(ticket.sla, now, INCIDENT_PAUSE_REASON), updatedAt: now };
}

/**
 * The ticket released by the incident: the incident's hold ends; the clock runs again only if nothing else holds
 * it (a ticket waiting for the customer, or resolved meanwhile, keeps its clock still — docs/product.md §12.2).
 */
export function releaseFromIncident(ticket: Ticket, now: Date): Ticket {
  const sla = resume(ticket.sla, now, calendarOf(ticket.slaCalendar), INCIDENT_PAUSE_REASON);
  return sla === ticket.sla ? ticket : { ...ticket, sla, updatedAt: now };
}

/**
 * A ticket the fan-out opened, resolved by the system with its incident, whatever step it reached (the incident's
 * commander is accountable for it); null when it is no longer open (someone resolved it already).
 */
export function resolveWithIncident(ticket: Ticket, summary: string, now: Date): Ticket | null {
  if (!isOpen(ticket.status)) return null;
  return {
    ...ticket,
    status: 'RESOLVED',
    resolvedAt: now,
    resolutionSummary: summary,
    sla: pause(ticket.sla, now),
    updatedAt: now,
  };
}

export const progressOnActivation = (number: string, title: string): string =>
  `We are handling incident ${number} (${title}), which affects this request. ` +
  'Its resolution time is paused until the incident is resolved; we will keep you informed.';

export const progressOnResolution = (number: string): string =>
  `Incident ${number} is resolved; work on this request continues and its resolution time runs again.`;
