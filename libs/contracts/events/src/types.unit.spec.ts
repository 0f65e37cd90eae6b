// Most assertions here are checked by `tsc --noEmit` (the typecheck target); jest only runs the switch.
import type { Static } from '@sinclair/typebox';
import { createEvent, type EventOf } from './define-event';
import { SYSTEM_ACTOR } from './envelope';
import type { CustomerEvent } from './customer/customer.events';
import type { EmployeeEvent, DepartmentEvent } from './hr/hr.events';
import { eventDataSamples } from './testing/event-samples';
import {
  TicketResolved,
  TicketSurveySubmitted,
  type FaultCategory,
  type TicketEvent,
  type TicketKind,
  type TicketStatus,
} from './ticket/ticket.events';
import type { DomainEvent } from './topics';

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(_proof?: T): void => undefined;

assertType<
  Equals<
    TicketEvent['type'],
    | 'ticket.opened'
    | 'ticket.acknowledged'
    | 'ticket.assigned'
    | 'ticket.transferred'
    | 'ticket.escalated'
    | 'ticket.progress_added'
    | 'ticket.status_changed'
    | 'ticket.resolved'
    | 'ticket.reopened'
    | 'ticket.closed'
    | 'ticket.survey_submitted'
    | 'ticket.sla_breached'
    | 'ticket.complaint_investigated'
    | 'ticket.complaint_follow_up_recorded'
    | 'ticket.suggestion_reviewed'
    | 'ticket.plan_updated'
    | 'ticket.plan_step_completed'
    | 'ticket.merged'
    | 'ticket.linked'
    | 'ticket.unlinked'
  >
>();
assertType<
  Equals<
    CustomerEvent['type'],
    'customer.registered' | 'customer.updated' | 'customer.tier_changed' | 'customer.revisit_recorded'
  >
>();
assertType<
  Equals<
    EmployeeEvent['type'],
    'employee.hired' | 'employee.transferred' | 'employee.updated' | 'employee.career_moved' | 'employee.left'
  >
>();
assertType<Equals<DepartmentEvent['type'], 'department.created' | 'department.updated'>>();
assertType<Equals<Extract<DomainEvent, { type: 'ticket.resolved' }>, EventOf<typeof TicketResolved>>>();
assertType<Equals<EventOf<typeof TicketResolved>['data'], Static<typeof TicketResolved.dataSchema>>>();
assertType<Equals<TicketEvent['data']['status'], TicketStatus>>();
assertType<Equals<TicketEvent['data']['kind'], TicketKind>>();
assertType<Equals<TicketEvent['data']['category'], FaultCategory | null>>();
assertType<Equals<EventOf<typeof TicketResolved>['data']['withinSla'], boolean | null>>();
assertType<Equals<EventOf<typeof TicketResolved>['version'], 1>>();
assertType<Equals<EventOf<typeof TicketResolved>['aggregateType'], 'ticket'>>();

/** A consumer-style exhaustive switch: adding a ticket event without handling it fails to compile. */
function ticketEventLabel(event: TicketEvent): string {
  switch (event.type) {
    case 'ticket.opened':
      return `opened ${event.data.number} via ${event.data.channel}`;
    case 'ticket.acknowledged':
      return `acknowledged after ${event.data.firstResponseSeconds}s`;
    case 'ticket.assigned':
      return `assigned with ${event.data.collaboratingDepartmentIds.length} collaborating`;
    case 'ticket.transferred':
      return `transferred to ${event.data.toDepartmentId}`;
    case 'ticket.escalated':
      return `escalated ${event.data.fromLevel}→${event.data.toLevel}`;
    case 'ticket.progress_added':
      return `progress ${event.data.visibility}`;
    case 'ticket.status_changed':
      return `${event.data.from}→${event.data.to}`;
    case 'ticket.resolved':
      return `resolved in ${event.data.resolutionSeconds}s`;
    case 'ticket.reopened':
      return `reopened from ${event.data.previousStatus}`;
    case 'ticket.closed':
      return `closed by ${event.data.closedBy}`;
    case 'ticket.survey_submitted':
      return `survey ${event.data.overall}/5`;
    case 'ticket.sla_breached':
      return `${event.data.deadline} SLA breached`;
    case 'ticket.complaint_investigated':
      return `root cause: ${event.data.rootCause}`;
    case 'ticket.complaint_follow_up_recorded':
      return `follow-up satisfied=${event.data.satisfied}`;
    case 'ticket.suggestion_reviewed':
      return `suggestion ${event.data.decision}`;
    case 'ticket.plan_updated':
      return `${event.data.openSteps.length} open steps`;
    case 'ticket.plan_step_completed':
      return `step ${event.data.position} done`;
    case 'ticket.merged':
      return `merged into ${event.data.survivorNumber}`;
    case 'ticket.linked':
      return `linked to ${event.data.otherNumber} (its ${event.data.role})`;
    case 'ticket.unlinked':
      return `unlinked from ${event.data.otherNumber} (was its ${event.data.role})`;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

describe('event types', () => {
  it('narrow by type in an exhaustive switch', () => {
    const survey = createEvent(TicketSurveySubmitted, {
      aggregateId: eventDataSamples['ticket.survey_submitted'].ticketId,
      aggregateVersion: 12,
      producer: 'ticket',
      actor: SYSTEM_ACTOR,
      data: eventDataSamples['ticket.survey_submitted'],
    });
    expect(ticketEventLabel(survey)).toBe('survey 5/5');
  });

  it('reject wrong enum values and unknown fields at compile time', () => {
    const base = { aggregateId: 'x', aggregateVersion: 1, producer: 'ticket', actor: SYSTEM_ACTOR };
    const data = eventDataSamples['ticket.resolved'];
    // @ts-expect-error withinSla is boolean | null
    expect(createEvent(TicketResolved, { ...base, data: { ...data, withinSla: 'yes' } }).type).toBe(
      'ticket.resolved',
    );
    // @ts-expect-error 'DONE' is not a ticket status
    expect(createEvent(TicketResolved, { ...base, data: { ...data, status: 'DONE' } }).type).toBe(
      'ticket.resolved',
    );
  });
});
