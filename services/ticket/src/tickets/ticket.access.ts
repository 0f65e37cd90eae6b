// Which tickets a caller sees and how (docs/product.md §9), on top of the permission table (../permissions.ts). Pure: the
// repository turns a TicketScope into SQL, the use-cases check actions with mayPerform/canSee. A ticket outside the
// caller's scope does not exist for them (NOT_FOUND, never FORBIDDEN), so that customers cannot probe other
// customers' ticket ids.
import { ForbiddenError, Role, UnauthenticatedError, type Caller, type KnownCaller } from '@opsgraph/domain';
import { COMPLAINT_ACTIONS } from '../complaints/complaint.actions';
import { ticketPermissions } from '../permissions';

/** What callers do to tickets: the permission table's keys, and most of the audit trail's actions. */
export const TICKET_ACTIONS = [
  'OPEN',
  'ACKNOWLEDGE',
  'ASSIGN',
  'START_WORK',
  'AWAIT_CUSTOMER',
  'CUSTOMER_RESPONDED',
  'RESOLVE',
  'CLOSE',
  'REOPEN',
  'TRANSFER',
  'ESCALATE',
  'ADD_PROGRESS',
  'PLAN_STEPS',
  'COMPLETE_STEP',
  'SUBMIT_SURVEY',
  'RECORD_COMPLAINT_INVESTIGATION',
  'RECORD_COMPLAINT_FOLLOW_UP',
  'REVIEW_SUGGESTION',
  'REASSESS',
  'CREDIT_PRAISE',
  'LINK',
  'MERGE',
  'LOG_TIME',
  'UPDATE_TIME_ENTRY',
  'DELETE_TIME_ENTRY',
  ...COMPLAINT_ACTIONS,
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** Which tickets a caller can read; every query and every change is limited to it. */
export type TicketScope =
  | { readonly kind: 'ALL' }
  | { readonly kind: 'CUSTOMER'; readonly customerId: string }
  /** Tickets led by the department; with `intake`, also NEW tickets not yet routed to any department. */
  | { readonly kind: 'DEPARTMENT'; readonly departmentId: string | null; readonly intake: boolean };

export function requireCallerOf(caller: Caller): KnownCaller {
  if (caller === null) throw new UnauthenticatedError();
  return caller;
}

/** The caller's read scope; FORBIDDEN for roles that see no tickets at all (HR). */
export function scopeOf(caller: Caller): TicketScope {
  const known = requireCallerOf(caller);
  switch (known.role) {
    case Role.ADMIN:
    case Role.OPS_DIRECTOR:
    case Role.OPS_MANAGER:
    case Role.ANALYST:
      return { kind: 'ALL' };
    case Role.AGENT:
    case Role.TECHNICIAN:
      return {
        kind: 'DEPARTMENT',
        departmentId: known.departmentId ?? null,
        intake: known.role === Role.AGENT,
      };
    case Role.CUSTOMER:
      if (!known.customerId) throw new ForbiddenError('A customer caller needs a customer id claim');
      return { kind: 'CUSTOMER', customerId: known.customerId };
    default:
      throw new ForbiddenError('This role has no access to tickets');
  }
}

export function mayPerform(caller: KnownCaller, action: TicketAction): boolean {
  return ticketPermissions.can(caller, action);
}

/** FORBIDDEN unless the role may perform the action at all (before any ticket is loaded). */
export function requireAction(caller: Caller, action: TicketAction): KnownCaller {
  return ticketPermissions.require(caller, action);
}

export function canSee(
  scope: TicketScope,
  ticket: { customerId: string; departmentId: string | null; status: string },
): boolean {
  switch (scope.kind) {
    case 'ALL':
      return true;
    case 'CUSTOMER':
      return ticket.customerId === scope.customerId;
    case 'DEPARTMENT':
      return (
        (scope.departmentId !== null && ticket.departmentId === scope.departmentId) ||
        (scope.intake && ticket.status === 'NEW' && ticket.departmentId === null)
      );
  }
}

export function readsInternal(caller: KnownCaller): boolean {
  return ticketPermissions.can(caller, 'READ_INTERNAL');
}
