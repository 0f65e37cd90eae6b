// Complaint handling after the investigation (docs/product.md §11.2): corrective actions planned, done with
// evidence and verified by someone other than their owner, and the feedback to the complainant. Each change runs
// through the ticket's command runner (row lock, version, audit line, event in one transaction).
import {
  TicketComplaintFeedbackGiven,
  TicketCorrectiveActionAdded,
  TicketCorrectiveActionStatusChanged,
} from '@opsgraph/contracts-events';
import {
  BadUserInputError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  type KnownCaller,
} from '@opsgraph/domain';
import { draft } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import { referencesOf } from '../directory/directory.rules';
import type { ReferenceChecker } from '../directory/reference-checker';
import { TICKET_MANAGER_ROLES } from '../permissions';
import type { ChangeInput, RequestMeta, TicketCommandRunner, TicketRef } from '../tickets/ticket.command-runner';
import { snapshotOf } from '../tickets/ticket.events';
import { OPEN_STATUSES, type TicketStatus } from '../tickets/ticket.lifecycle';
import type { Ticket } from '../tickets/ticket.model';
import type { ComplaintDetails } from '../tickets/ticket.records';
import { decideAction, plannedAction, type ActionCommand, type CorrectiveAction } from './corrective-action.rules';

export interface NewCorrectiveAction {
  readonly description: string;
  readonly ownerId: string;
  readonly dueAt: Date;
}

export type Verdict = 'VERIFIED' | 'REJECTED';

const FEEDBACK_STATUSES: readonly TicketStatus[] = [...OPEN_STATUSES, 'RESOLVED'];

/** Who acts, as recorded on the action: the caller's employee id, else their user id. */
const actorIdOf = (caller: KnownCaller): string => caller.employeeId ?? caller.userId;

export class ComplaintService {
  constructor(
    private readonly runner: TicketCommandRunner,
    private readonly references: ReferenceChecker,
  ) {}

  async addCorrectiveAction(meta: RequestMeta, ref: TicketRef, input: NewCorrectiveAction): Promise<Ticket> {
    await this.references.require(referencesOf('EMPLOYEE', 'input.ownerId', [input.ownerId], true));
    return this.runner.change(meta, 'ADD_CORRECTIVE_ACTION', ref, async (ticket, { now, tx }) => {
      await investigationOf(ticket, tx, OPEN_STATUSES, 'given corrective actions');
      if (input.dueAt.getTime() <= now.getTime()) {
        throw new BadUserInputError('The due date must lie ahead', 'input.dueAt');
      }
      const planned = await tx.actions.ofTickets([ticket.id]);
      const action = plannedAction({
        id: randomUUID(),
        ticketId: ticket.id,
        position: planned.length + 1,
        description: input.description,
        ownerId: input.ownerId,
        dueAt: input.dueAt,
        createdAt: now,
      });
      await tx.actions.insert(action);
      const data = { actionId: action.id, description: action.description, ownerId: action.ownerId };
      return {
        ticket,
        action: 'ADD_CORRECTIVE_ACTION',
        events: [
          draft(TicketCorrectiveActionAdded, { ...snapshotOf(ticket), ...data, dueAt: action.dueAt.toISOString() }),
        ],
        details: { actionId: action.id, ownerId: action.ownerId, dueAt: action.dueAt.toISOString() },
      };
    });
  }

  /** The owner (or a manager) reports the action carried out, with its evidence. */
  completeCorrectiveAction(
    meta: RequestMeta,
    ref: TicketRef,
    input: { actionId: string; evidence: string },
  ): Promise<Ticket> {
    return this.changeAction(meta, 'COMPLETE_CORRECTIVE_ACTION', ref, input.actionId, (action, caller) => {
      if (actorIdOf(caller) !== action.ownerId && !TICKET_MANAGER_ROLES.includes(caller.role)) {
        throw new ForbiddenError(`Only the owner or a manager reports corrective action #${action.position} done`);
      }
      return { type: 'COMPLETE', evidence: input.evidence, by: actorIdOf(caller) };
    });
  }

  verifyCorrectiveAction(
    meta: RequestMeta,
    ref: TicketRef,
    input: { actionId: string; verdict: Verdict; note: string },
  ): Promise<Ticket> {
    return this.changeAction(meta, 'VERIFY_CORRECTIVE_ACTION', ref, input.actionId, (_action, caller) => ({
      type: input.verdict === 'VERIFIED' ? 'VERIFY' : 'REJECT',
      note: input.note,
      by: actorIdOf(caller),
    }));
  }

  /** What the complainant was told about the outcome (P3 §六(三)3); replaces earlier feedback. */
  giveFeedback(meta: RequestMeta, ref: TicketRef, feedback: string): Promise<Ticket> {
    return this.runner.change(meta, 'GIVE_COMPLAINT_FEEDBACK', ref, async (ticket, { tx }) => {
      const details = await investigationOf(ticket, tx, FEEDBACK_STATUSES, 'given feedback');
      await tx.records.saveComplaint({ ...details, feedbackToComplainant: feedback });
      return {
        ticket,
        action: 'GIVE_COMPLAINT_FEEDBACK',
        events: [draft(TicketComplaintFeedbackGiven, { ...snapshotOf(ticket), feedback })],
        details: { replaced: details.feedbackToComplainant !== null },
      };
    });
  }

  private changeAction(
    meta: RequestMeta,
    auditAction: 'COMPLETE_CORRECTIVE_ACTION' | 'VERIFY_CORRECTIVE_ACTION',
    ref: TicketRef,
    actionId: string,
    command: (action: CorrectiveAction, caller: KnownCaller) => ActionCommand,
  ): Promise<Ticket> {
    return this.runner.change(meta, auditAction, ref, async (ticket, { now, caller, tx }) => {
      await investigationOf(ticket, tx, OPEN_STATUSES, 'worked on');
      const action = (await tx.actions.ofTickets([ticket.id])).find((candidate) => candidate.id === actionId);
      if (action === undefined) throw new NotFoundError('CorrectiveAction', actionId);
      const decision = decideAction(action, command(action, caller), now);
      if (!decision.ok) {
        if (decision.code === 'VERIFIER_IS_OWNER') throw new ForbiddenError(decision.message);
        throw new InvalidTransitionError(decision.message, action.status);
      }
      const next = decision.next;
      await tx.actions.update(next);
      const note = next.status === 'DONE' ? next.evidence : next.verificationNote;
      return {
        ticket,
        action: auditAction,
        events: [
          draft(TicketCorrectiveActionStatusChanged, {
            ...snapshotOf(ticket),
            actionId: next.id,
            ownerId: next.ownerId,
            from: action.status,
            to: next.status,
            note,
          }),
        ],
        details: { actionId: next.id, from: action.status, to: next.status },
      };
    });
  }
}

/** The complaint's investigation: corrective actions and feedback follow from it (P3 §六(三)1). */
async function investigationOf(
  ticket: Ticket,
  tx: ChangeInput['tx'],
  statuses: readonly TicketStatus[],
  what: string,
): Promise<ComplaintDetails> {
  if (ticket.kind !== 'COMPLAINT') {
    throw new BadUserInputError(`Ticket ${ticket.number} is a ${ticket.kind}, not a COMPLAINT`, 'input.ticketId');
  }
  if (!statuses.includes(ticket.status)) {
    throw new InvalidTransitionError(`A ${ticket.status} complaint cannot be ${what}`, ticket.status);
  }
  const [details] = await tx.records.complaints([ticket.id]);
  if (details === undefined) {
    throw new InvalidTransitionError(`Record the investigation of ${ticket.number} first`, ticket.status);
  }
  return details;
}
