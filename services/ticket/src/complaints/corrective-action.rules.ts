// A complaint's corrective action (docs/product.md §11.2): OPEN → DONE (with evidence) → VERIFIED or REJECTED by
// someone other than its owner; a REJECTED action is reworked and done again. Pure.
import type { CorrectiveActionStatus } from '@opsgraph/contracts-events';

export interface CorrectiveAction {
  readonly id: string;
  readonly ticketId: string;
  /** 1, 2, … in the order the actions were planned on the ticket. */
  readonly position: number;
  readonly description: string;
  /** The employee answerable for the action. */
  readonly ownerId: string;
  readonly dueAt: Date;
  readonly status: CorrectiveActionStatus;
  /** What shows the action was carried out (set when DONE). */
  readonly evidence: string | null;
  readonly doneAt: Date | null;
  readonly doneBy: string | null;
  readonly verifiedAt: Date | null;
  readonly verifiedBy: string | null;
  readonly verificationNote: string | null;
  /** The due date whose passing was reported (ticket.corrective_action_overdue), so it is reported once. */
  readonly overdueReportedFor: Date | null;
  readonly createdAt: Date;
}

/** A newly planned action: OPEN, nothing done or judged yet. */
export function plannedAction(
  fields: Pick<CorrectiveAction, 'id' | 'ticketId' | 'position' | 'description' | 'ownerId' | 'dueAt' | 'createdAt'>,
): CorrectiveAction {
  return {
    ...fields,
    status: 'OPEN',
    evidence: null,
    doneAt: null,
    doneBy: null,
    verifiedAt: null,
    verifiedBy: null,
    verificationNote: null,
    overdueReportedFor: null,
  };
}

export type ActionCommand =
  | { readonly type: 'COMPLETE'; readonly evidence: string; readonly by: string }
  | { readonly type: 'VERIFY'; readonly note: string; readonly by: string }
  | { readonly type: 'REJECT'; readonly note: string; readonly by: string };

export type ActionDecision =
  | { readonly ok: true; readonly next: CorrectiveAction }
  | { readonly ok: false; readonly code: 'INVALID_TRANSITION' | 'VERIFIER_IS_OWNER'; readonly message: string };

const FROM: Readonly<Record<ActionCommand['type'], readonly CorrectiveActionStatus[]>> = {
  COMPLETE: ['OPEN', 'REJECTED'],
  VERIFY: ['DONE'],
  REJECT: ['DONE'],
};

export function decideAction(action: CorrectiveAction, command: ActionCommand, now: Date): ActionDecision {
  if (!FROM[command.type].includes(action.status)) {
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      message: `Corrective action #${action.position} is ${action.status}: ${command.type} is not allowed`,
    };
  }
  switch (command.type) {
    case 'COMPLETE':
      return {
        ok: true,
        next: {
          ...action,
          status: 'DONE',
          evidence: command.evidence,
          doneAt: now,
          doneBy: command.by,
          verifiedAt: null,
          verifiedBy: null,
          verificationNote: null,
        },
      };
    case 'VERIFY':
    case 'REJECT':
      // Whoever carried the action out does not judge it: the owner cannot verify (or reject) their own work.
      if (command.by === action.ownerId) {
        return {
          ok: false,
          code: 'VERIFIER_IS_OWNER',
          message: `The owner of corrective action #${action.position} cannot verify it`,
        };
      }
      return {
        ok: true,
        next: {
          ...action,
          status: command.type === 'VERIFY' ? 'VERIFIED' : 'REJECTED',
          verifiedAt: now,
          verifiedBy: command.by,
          verificationNote: command.note,
        },
      };
  }
}

/** Unfinished (OPEN, or REJECTED and awaiting rework) past its due date, and not reported for this due date yet. */
export function isOverdueUnreported(action: CorrectiveAction, now: Date): boolean {
  return (
    (action.status === 'OPEN' || action.status === 'REJECTED') &&
    action.dueAt.getTime() <= now.getTime() &&
    action.overdueReportedFor?.getTime() !== action.dueAt.getTime()
  );
}
