import type { TicketEvent, TicketKind, TicketStatus } from '@opsgraph/contracts-events';

/**
 * What the service history keeps of one ticket. Every ticket event carries a snapshot of the ticket after it, so
 * the state is "the snapshot of the highest aggregateVersion seen" plus what only some events carry (the survey
 * score) and what is accumulated (the last contact). Each part is merged with an order-independent rule, so the
 * same set of events gives the same state whatever order, and however often, they arrive.
 */
export interface TicketState {
  ticketId: string;
  customerId: string;
  number: string;
  kind: TicketKind;
  status: TicketStatus;
  openedAt: Date;
  /** aggregateVersion of the snapshot the fields above come from. */
  snapshotVersion: number;
  /** Latest moment the customer and the centre were in touch about this ticket. */
  lastContactAt: Date;
  /** Overall score of the survey with the highest aggregateVersion. */
  satisfaction: number | null;
  surveyVersion: number | null;
  /** Set by ticket.merged: the ticket is a duplicate of this one and no longer counts on its own (never unset). */
  mergedIntoId: string | null;
}

/** Events in which the centre and the customer were in touch (internal work, SLA and routing events are not). */
export function isContactEvent(event: TicketEvent): boolean {
  switch (event.type) {
    case 'ticket.opened':
    case 'ticket.acknowledged':
    case 'ticket.resolved':
    case 'ticket.reopened':
    case 'ticket.closed':
    case 'ticket.survey_submitted':
    case 'ticket.complaint_follow_up_recorded':
      return true;
    case 'ticket.progress_added':
      return event.data.visibility === 'PUBLIC';
    case 'ticket.status_changed':
    case 'ticket.assigned':
    case 'ticket.transferred':
    case 'ticket.escalated':
    case 'ticket.sla_breached':
    case 'ticket.complaint_investigated':
    case 'ticket.suggestion_reviewed':
    case 'ticket.plan_updated':
    case 'ticket.plan_step_completed':
    case 'ticket.merged':
    case 'ticket.linked':
    case 'ticket.unlinked':
      return false;
    default:
      return assertNever(event);
  }
}

function assertNever(event: never): never {
  throw new Error(`unhandled ticket event ${(event as { type: string }).type}`);
}

function contactTime(event: TicketEvent): Date {
  switch (event.type) {
    case 'ticket.opened':
      return new Date(event.data.openedAt);
    case 'ticket.survey_submitted':
      return new Date(event.data.submittedAt);
    case 'ticket.complaint_follow_up_recorded':
      return new Date(event.data.followUpAt);
    default:
      return new Date(event.occurredAt);
  }
}

const later = (a: Date, b: Date): Date => (b.getTime() > a.getTime() ? b : a);

/** What the snapshot an event carries says of its ticket (a newer snapshot replaces an older one's). */
function fromSnapshot(
  event: TicketEvent,
): Pick<TicketState, 'customerId' | 'number' | 'kind' | 'status' | 'openedAt' | 'snapshotVersion'> {
  const snapshot = event.data;
  return {
    customerId: snapshot.customerId,
    number: snapshot.number,
    kind: snapshot.kind,
    status: snapshot.status,
    openedAt: new Date(snapshot.openedAt),
    snapshotVersion: event.aggregateVersion,
  };
}

/** The ticket's state after `event`; `before` is null for the first event seen (which need not be `opened`). */
export function applyTicketEvent(before: TicketState | null, event: TicketEvent): TicketState {
  const snapshot = event.data;
  let state: TicketState;
  if (before === null) {
    state = {
      ticketId: snapshot.ticketId,
      ...fromSnapshot(event),
      // Every ticket has at least its opening as a contact, even when `opened` itself is still on its way.
      lastContactAt: new Date(snapshot.openedAt),
      satisfaction: null,
      surveyVersion: null,
      mergedIntoId: null,
    };
  } else if (event.aggregateVersion > before.snapshotVersion) {
    state = { ...before, ...fromSnapshot(event) };
  } else {
    state = { ...before };
  }
  if (isContactEvent(event)) state.lastContactAt = later(state.lastContactAt, contactTime(event));
  if (event.type === 'ticket.survey_submitted' && event.aggregateVersion > (state.surveyVersion ?? 0)) {
    state.satisfaction = event.data.overall;
    state.surveyVersion = event.aggregateVersion;
  }
  // Merging is final and happens once, so the flag is order-independent like the rest.
  if (event.type === 'ticket.merged') state.mergedIntoId = event.data.survivorTicketId;
  return state;
}

export function sameState(a: TicketState | null, b: TicketState | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.customerId === b.customerId &&
    a.number === b.number &&
    a.kind === b.kind &&
    a.status === b.status &&
    a.openedAt.getTime() === b.openedAt.getTime() &&
    a.snapshotVersion === b.snapshotVersion &&
    a.lastContactAt.getTime() === b.lastContactAt.getTime() &&
    a.satisfaction === b.satisfaction &&
    a.surveyVersion === b.surveyVersion &&
    a.mergedIntoId === b.mergedIntoId
  );
}

/** A ticket counts as open until it is resolved or closed (a reopened ticket is open again). */
export function isOpen(status: TicketStatus): boolean {
  return status !== 'RESOLVED' && status !== 'CLOSED';
}

/** The additive part of a customer's summary: sums over its tickets' states. */
export interface Counters {
  ticketsTotal: number;
  ticketsOpen: number;
  complaints: number;
  satisfactionSum: number;
  satisfactionCount: number;
}

export const ZERO: Counters = Object.freeze({
  ticketsTotal: 0,
  ticketsOpen: 0,
  complaints: 0,
  satisfactionSum: 0,
  satisfactionCount: 0,
});

/** What the ticket adds to its customer's summary: nothing once merged (the survivor counts for both). */
export function contribution(state: TicketState): Counters {
  if (state.mergedIntoId !== null) return ZERO;
  return {
    ticketsTotal: 1,
    ticketsOpen: isOpen(state.status) ? 1 : 0,
    complaints: state.kind === 'COMPLAINT' ? 1 : 0,
    satisfactionSum: state.satisfaction ?? 0,
    satisfactionCount: state.satisfaction === null ? 0 : 1,
  };
}

const combine = (a: Counters, b: Counters, sign: 1 | -1): Counters => ({
  ticketsTotal: a.ticketsTotal + sign * b.ticketsTotal,
  ticketsOpen: a.ticketsOpen + sign * b.ticketsOpen,
  complaints: a.complaints + sign * b.complaints,
  satisfactionSum: a.satisfactionSum + sign * b.satisfactionSum,
  satisfactionCount: a.satisfactionCount + sign * b.satisfactionCount,
});

/**
 * How each affected customer's counters change when one ticket goes from `before` to `after` (two customers when
 * the ticket moved to another one). Customers whose delta is zero are left out.
 */
export function counterDeltas(before: TicketState | null, after: TicketState): Map<string, Counters> {
  const deltas = new Map<string, Counters>();
  const add = (customerId: string, counters: Counters, sign: 1 | -1) =>
    deltas.set(customerId, combine(deltas.get(customerId) ?? ZERO, counters, sign));
  if (before) add(before.customerId, contribution(before), -1);
  add(after.customerId, contribution(after), 1);
  for (const [customerId, delta] of deltas) {
    if (Object.values(delta).every((value) => value === 0)) deltas.delete(customerId);
  }
  return deltas;
}

export function averageSatisfaction(
  counters: Pick<Counters, 'satisfactionSum' | 'satisfactionCount'>,
): number | null {
  if (counters.satisfactionCount === 0) return null;
  return Math.round((counters.satisfactionSum / counters.satisfactionCount) * 100) / 100;
}
