// The ticket aggregate as the use-cases see it, and the pure rules that change it outside the state machine:
// opening (priority, SLA clock), applying an accepted lifecycle decision (status + clock), breach flagging.
import type { FaultCategory, TicketChannel, TicketKind } from '@opsgraph/contracts-events';
import { calendarOf, type SlaCalendarSnapshot } from '../sla-calendars/sla-calendar.rules';
import type { RoutingDecision } from '../routing/routing.rules';
import type { SlaCalendar } from '../sla/sla-calendar';
import { breaches, pause, resume, startClock, type SlaClock, type SlaDeadlineKind } from '../sla/sla-clock';
import type { SlaPolicy } from '../sla/sla-policy';
import { newTicketLifecycleState, type TicketDecision, type TicketLifecycleState } from './ticket.lifecycle';
import { priorityOf, type Impact, type Priority, type Urgency } from './ticket.priority';

/** How to reach the customer about this ticket, as given at intake (personal data: never logged, never in events). */
export interface ContactSnapshot {
  readonly name: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

export interface Ticket extends TicketLifecycleState {
  readonly id: string;
  readonly number: string;
  readonly kind: TicketKind;
  /** FAULT tickets only. */
  readonly category: FaultCategory | null;
  readonly channel: TicketChannel;
  readonly subject: string;
  readonly description: string;
  readonly customerId: string;
  readonly contact: ContactSnapshot;
  readonly urgency: Urgency;
  readonly impact: Impact;
  readonly priority: Priority;
  readonly collaboratingDepartmentIds: readonly string[];
  readonly assetId: string | null;
  readonly incidentId: string | null;
  /** The resolution time promised to the customer at intake (000 §二(一)2); informational, not the SLA. */
  readonly promisedResolutionAt: Date | null;
  readonly resolutionSummary: string | null;
  readonly sla: SlaClock;
  /** The business-hours calendar the clock counts in (docs/product.md §12.1); null: 24×7. */
  readonly slaCalendar: SlaCalendarSnapshot | null;
  /** Why intake routed it where it did (docs/product.md §12.3); null when it was not routed. */
  readonly routing: RoutingDecision | null;
  /** The survivor this ticket was merged into as a duplicate (then CLOSED as MERGED); null otherwise. */
  readonly mergedIntoId: string | null;
  /** Set once, when the deadline was found breached; never cleared (one breach event per deadline). */
  readonly responseBreachedAt: Date | null;
  readonly resolutionBreachedAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** Optimistic-lock version: 1 when opened, then +1 per event (or per change without an event). */
  readonly version: number;
}

/** What intake gives to open a ticket: these fields of the aggregate as given; openTicket derives the rest. */
export type NewTicket = Pick<
  Ticket,
  | 'kind'
  | 'category'
  | 'channel'
  | 'subject'
  | 'description'
  | 'customerId'
  | 'contact'
  | 'urgency'
  | 'impact'
  | 'departmentId'
  | 'assetId'
  | 'incidentId'
  | 'promisedResolutionAt'
>;

/** Why `category` is unacceptable for `kind`, or null: faults are classified (003 §二(二)2), nothing else is. */
export function categoryProblem(kind: TicketKind, category: FaultCategory | null): string | null {
  if (kind === 'FAULT' && category === null) return 'A FAULT ticket needs a category';
  if (kind !== 'FAULT' && category !== null) return `Only FAULT tickets have a category, not ${kind}`;
  return null;
}

export function openTicket(
  identity: { id: string; number: string },
  input: NewTicket,
  now: Date,
  policies: (priority: Priority) => SlaPolicy,
  slaCalendar: SlaCalendarSnapshot | null = null,
): Ticket {
  const priority = priorityOf(input.urgency, input.impact);
  return {
    ...newTicketLifecycleState(input.departmentId),
    id: identity.id,
    number: identity.number,
    kind: input.kind,
    category: input.category,
    channel: input.channel,
    subject: input.subject,
    description: input.description,
    customerId: input.customerId,
    contact: input.contact,
    urgency: input.urgency,
    impact: input.impact,
    priority,
    collaboratingDepartmentIds: [],
    assetId: input.assetId,
    incidentId: input.incidentId,
    promisedResolutionAt: input.promisedResolutionAt,
    resolutionSummary: null,
    sla: startClock(now, policies(priority), calendarOf(slaCalendar)),
    slaCalendar,
    routing: null,
    mergedIntoId: null,
    responseBreachedAt: null,
    resolutionBreachedAt: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

type Accepted = Extract<TicketDecision, { ok: true }>;

/** The ticket after an accepted lifecycle decision: the new lifecycle state, with the SLA clock following it. */
export function applyDecision(
  ticket: Ticket,
  decision: Accepted,
  now: Date,
  calendar: SlaCalendar = calendarOf(ticket.slaCalendar),
): Ticket {
  const effect = decision.changes.slaClock;
  const sla =
    effect === 'PAUSE'
      ? pause(ticket.sla, now)
      : effect === 'RESUME'
        ? resume(ticket.sla, now, calendar)
        : ticket.sla;
  return { ...ticket, ...decision.next, sla, updatedAt: now };
}

export interface Breach {
  readonly deadline: SlaDeadlineKind;
  readonly dueAt: Date;
}

/**
 * Deadlines that have passed at `now` and were not flagged yet, flagged on the returned ticket. Every path that
 * changes a ticket calls this first (the scanner, and each use-case under the row lock), so a deadline that passes
 * just before a resolution is still reported, and never twice.
 */
export function flagBreaches(ticket: Ticket, now: Date): { ticket: Ticket; breaches: Breach[] } {
  const found = breaches(ticket.sla, now, ticket).filter((deadline) =>
    deadline === 'RESPONSE' ? ticket.responseBreachedAt === null : ticket.resolutionBreachedAt === null,
  );
  if (found.length === 0) return { ticket, breaches: [] };
  return {
    ticket: {
      ...ticket,
      responseBreachedAt: found.includes('RESPONSE') ? now : ticket.responseBreachedAt,
      resolutionBreachedAt: found.includes('RESOLUTION') ? now : ticket.resolutionBreachedAt,
      updatedAt: now,
    },
    breaches: found.map((deadline) => ({
      deadline,
      dueAt: deadline === 'RESPONSE' ? ticket.sla.responseDueAt : ticket.sla.resolutionDueAt,
    })),
  };
}
