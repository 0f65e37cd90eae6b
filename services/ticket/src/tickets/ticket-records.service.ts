// Use-cases that record things around a ticket: progress updates, the execution plan, the satisfaction survey,
// complaint handling and suggestion review. Each bumps the ticket's version like any other change.
import {
  TicketComplaintFollowUpRecorded,
  TicketComplaintInvestigated,
  TicketPlanStepCompleted,
  TicketPlanUpdated,
  TicketProgressAdded,
  TicketSuggestionReviewed,
  TicketSurveySubmitted,
  type EventDataOf,
  type EventDefinition,
  type TicketSnapshot,
} from '@opsgraph/contracts-events';
import {
  BadUserInputError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  Role,
} from '@opsgraph/domain';
import { draft, type EventDraft } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import type { ComplaintRecurrence } from '../complaints/complaint-recurrence';
import { referencesOf } from '../directory/directory.rules';
import type { ReferenceChecker } from '../directory/reference-checker';
import type { TicketAction } from './ticket.access';
import type { ChangeInput, TicketCommandRunner, RequestMeta, TicketRef } from './ticket.command-runner';
import { AlreadyRecordedError } from './ticket.errors';
import { snapshotOf } from './ticket.events';
import { OPEN_STATUSES, type TicketStatus } from './ticket.lifecycle';
import type { Ticket } from './ticket.model';
import type {
  ComplaintDetails,
  JsonObject,
  PlanStep,
  ProgressVisibility,
  SuggestionDecision,
} from './ticket.records';

/** The event each recording change publishes (one per change). */
const RECORDED_EVENTS = {
  ADD_PROGRESS: TicketProgressAdded,
  PLAN_STEPS: TicketPlanUpdated,
  COMPLETE_STEP: TicketPlanStepCompleted,
  SUBMIT_SURVEY: TicketSurveySubmitted,
  RECORD_COMPLAINT_INVESTIGATION: TicketComplaintInvestigated,
  RECORD_COMPLAINT_FOLLOW_UP: TicketComplaintFollowUpRecorded,
  REVIEW_SUGGESTION: TicketSuggestionReviewed,
} as const satisfies Partial<Record<TicketAction, EventDefinition>>;
type RecordingAction = keyof typeof RECORDED_EVENTS;

/** An execution plan is worked on by an assignee (000 §二(三)1). */
const PLANNABLE: readonly TicketStatus[] = ['ASSIGNED', 'IN_PROGRESS', 'PENDING_CUSTOMER', 'REOPENED'];
const SURVEYABLE: readonly TicketStatus[] = ['RESOLVED', 'CLOSED'];

export interface PlanStepInput {
  readonly title: string;
  readonly ownerId?: string | null;
  readonly dueAt?: Date | null;
}

export interface SurveyInput {
  readonly overall: number;
  readonly quality: number;
  readonly efficiency: number;
  readonly communication: number;
  readonly comment?: string | null;
}

export interface InvestigationInput {
  readonly findings: string;
  readonly rootCause: string;
  readonly responsibleDepartmentId: string;
  readonly responsibleEmployeeId?: string | null;
  readonly correctiveAction: string;
  readonly correctiveActionDueAt: Date;
  readonly feedbackToComplainant?: string | null;
}

export interface FollowUpInput {
  readonly followUpAt: Date;
  readonly result: string;
  readonly satisfied: boolean;
}

export class TicketRecordsService {
  constructor(
    private readonly runner: TicketCommandRunner,
    private readonly references: ReferenceChecker,
    private readonly recurrence: ComplaintRecurrence,
  ) {}

  async addProgress(
    meta: RequestMeta,
    ref: TicketRef,
    input: { visibility: ProgressVisibility; body: string },
  ): Promise<Ticket> {
    if (meta.caller?.role === Role.CUSTOMER && input.visibility !== 'PUBLIC') {
      throw new ForbiddenError('A customer adds PUBLIC progress updates only');
    }
    return this.record(meta, 'ADD_PROGRESS', ref, async (ticket, { now, caller, tx }) => {
      const progressId = randomUUID();
      await tx.records.insertProgress({
        id: progressId,
        ticketId: ticket.id,
        visibility: input.visibility,
        body: input.body,
        authorId: caller.userId,
        authorRole: caller.role,
        createdAt: now,
      });
      return {
        data: { progressId, visibility: input.visibility, body: input.body },
        details: { progressId, visibility: input.visibility },
      };
    });
  }

  /** Sets the execution plan: the steps not done yet are replaced by `steps`, numbered after the done ones. */
  async planSteps(meta: RequestMeta, ref: TicketRef, steps: readonly PlanStepInput[]): Promise<Ticket> {
    const owners = steps.map((step) => step.ownerId);
    await this.references.require(referencesOf('EMPLOYEE', 'input.steps.ownerId', owners, true));
    return this.record(meta, 'PLAN_STEPS', ref, async (ticket, { now, tx }) => {
      requireStatus(ticket, PLANNABLE, 'planned');
      const done = (await tx.records.steps([ticket.id])).filter((step) => step.doneAt !== null);
      const start = Math.max(0, ...done.map((step) => step.position));
      const planned: PlanStep[] = steps.map((step, index) => ({
        id: randomUUID(),
        ticketId: ticket.id,
        position: start + index + 1,
        title: step.title,
        ownerId: step.ownerId ?? null,
        dueAt: step.dueAt ?? null,
        doneAt: null,
        doneBy: null,
        createdAt: now,
      }));
      await tx.records.replaceOpenSteps(ticket.id, planned);
      const openSteps = planned.map((step) => ({
        stepId: step.id,
        position: step.position,
        title: step.title,
        ownerId: step.ownerId,
        dueAt: step.dueAt?.toISOString() ?? null,
      }));
      return {
        data: { openSteps, doneStepCount: done.length },
        details: { stepIds: planned.map((step) => step.id), keptDoneSteps: done.length },
      };
    });
  }

  completeStep(meta: RequestMeta, ref: TicketRef, stepId: string): Promise<Ticket> {
    return this.record(meta, 'COMPLETE_STEP', ref, async (ticket, { now, caller, tx }) => {
      requireStatus(ticket, PLANNABLE, 'worked on');
      const step = (await tx.records.steps([ticket.id])).find((candidate) => candidate.id === stepId);
      if (step === undefined) throw new NotFoundError('TicketPlanStep', stepId);
      if (step.doneAt !== null)
        throw new BadUserInputError(`Step ${step.position} is already done`, 'input.stepId');
      await tx.records.completeStep(stepId, now, caller.userId);
      return {
        data: { stepId, position: step.position, completedBy: caller.userId },
        details: { stepId, position: step.position },
      };
    });
  }

  submitSurvey(meta: RequestMeta, ref: TicketRef, input: SurveyInput): Promise<Ticket> {
    return this.record(meta, 'SUBMIT_SURVEY', ref, async (ticket, { now, caller, tx }) => {
      requireStatus(ticket, SURVEYABLE, 'surveyed');
      if ((await tx.records.surveys([ticket.id])).length > 0)
        throw new AlreadyRecordedError('survey', ticket.id);
      const survey = {
        id: randomUUID(),
        ticketId: ticket.id,
        overall: input.overall,
        quality: input.quality,
        efficiency: input.efficiency,
        communication: input.communication,
        comment: input.comment ?? null,
        submittedAt: now,
        submittedBy: caller.userId,
      };
      // The unique constraint stands behind the check above; the ticket row lock makes the check reliable.
      await tx.records.insertSurvey(survey);
      const { id: surveyId, ticketId: _ticketId, submittedBy: _by, ...scores } = survey;
      return {
        data: { ...scores, surveyId, submittedAt: now.toISOString() },
        details: { surveyId, overall: survey.overall },
      };
    });
  }

  /** Records (or revises) the investigation of a complaint; a recorded follow-up stays. */
  async recordComplaintInvestigation(
    meta: RequestMeta,
    ref: TicketRef,
    input: InvestigationInput,
  ): Promise<Ticket> {
    await this.references.require([
      ...referencesOf('DEPARTMENT', 'input.responsibleDepartmentId', [input.responsibleDepartmentId]),
      ...referencesOf('EMPLOYEE', 'input.responsibleEmployeeId', [input.responsibleEmployeeId]),
    ]);
    return this.record(meta, 'RECORD_COMPLAINT_INVESTIGATION', ref, async (ticket, { now, caller, tx }) => {
      requireKind(ticket, 'COMPLAINT');
      requireStatus(ticket, OPEN_OR_RESOLVED, 'investigated');
      const [existing] = await tx.records.complaints([ticket.id]);
      const details: ComplaintDetails = {
        ticketId: ticket.id,
        findings: input.findings,
        rootCause: input.rootCause,
        responsibleDepartmentId: input.responsibleDepartmentId,
        responsibleEmployeeId: input.responsibleEmployeeId ?? null,
        correctiveAction: input.correctiveAction,
        correctiveActionDueAt: input.correctiveActionDueAt,
        // A revision without feedback keeps the feedback already given (giveComplaintFeedback may have set it).
        feedbackToComplainant: input.feedbackToComplainant ?? existing?.feedbackToComplainant ?? null,
        investigatedAt: now,
        investigatedBy: caller.userId,
        followUpAt: existing?.followUpAt ?? null,
        followUpResult: existing?.followUpResult ?? null,
        followUpSatisfied: existing?.followUpSatisfied ?? null,
        followUpRecordedBy: existing?.followUpRecordedBy ?? null,
      };
      await tx.records.saveComplaint(details);
      return {
        // After the save: this investigation counts towards its cause's recurrence.
        more: await this.recurrence.detect(tx.causes, ticket, details.rootCause, now),
        data: {
          findings: details.findings,
          rootCause: details.rootCause,
          responsibleDepartmentId: details.responsibleDepartmentId,
          responsibleEmployeeId: details.responsibleEmployeeId,
          correctiveAction: details.correctiveAction,
          correctiveActionDueAt: details.correctiveActionDueAt.toISOString(),
        },
        details: {
          revised: existing !== undefined,
          responsibleDepartmentId: details.responsibleDepartmentId,
        },
      };
    });
  }

  recordComplaintFollowUp(meta: RequestMeta, ref: TicketRef, input: FollowUpInput): Promise<Ticket> {
    return this.record(meta, 'RECORD_COMPLAINT_FOLLOW_UP', ref, async (ticket, { caller, tx }) => {
      requireKind(ticket, 'COMPLAINT');
      const [existing] = await tx.records.complaints([ticket.id]);
      if (existing === undefined) {
        throw new InvalidTransitionError(
          'Record the investigation before the follow-up visit',
          ticket.status,
        );
      }
      await tx.records.saveComplaint({
        ...existing,
        followUpAt: input.followUpAt,
        followUpResult: input.result,
        followUpSatisfied: input.satisfied,
        followUpRecordedBy: caller.userId,
      });
      return {
        data: {
          followUpAt: input.followUpAt.toISOString(),
          result: input.result,
          satisfied: input.satisfied,
        },
        details: { satisfied: input.satisfied },
      };
    });
  }

  reviewSuggestion(
    meta: RequestMeta,
    ref: TicketRef,
    input: { decision: SuggestionDecision; reason: string },
  ): Promise<Ticket> {
    return this.record(meta, 'REVIEW_SUGGESTION', ref, async (ticket, { now, caller, tx }) => {
      requireKind(ticket, 'SUGGESTION');
      if ((await tx.records.suggestionReviews([ticket.id])).length > 0) {
        throw new AlreadyRecordedError('suggestion review', ticket.id);
      }
      await tx.records.insertSuggestionReview({
        ticketId: ticket.id,
        decision: input.decision,
        reason: input.reason,
        reviewedAt: now,
        reviewedBy: caller.userId,
      });
      return {
        data: { decision: input.decision, reason: input.reason },
        details: { decision: input.decision },
      };
    });
  }

  /**
   * A change that records something about the ticket without changing its fields: `action` goes to the audit trail
   * with the work's `details`, and the action's event carries the ticket's snapshot and the work's `data`.
   */
  private record<A extends RecordingAction>(
    meta: RequestMeta,
    action: A,
    ref: TicketRef,
    work: (ticket: Ticket, input: ChangeInput) => Promise<Recorded<(typeof RECORDED_EVENTS)[A]>>,
  ): Promise<Ticket> {
    const event: EventDefinition = RECORDED_EVENTS[action];
    return this.runner.change(meta, action, ref, async (ticket, input) => {
      const { data, details, more = [] } = await work(ticket, input);
      const snapshotAndData = { ...snapshotOf(ticket), ...data } as EventDataOf<(typeof RECORDED_EVENTS)[A]>;
      return { ticket, action, events: [draft(event, snapshotAndData), ...more], details };
    });
  }
}

/** What recording work returns: the event's own data (beyond the ticket's snapshot) and the audit details. */
interface Recorded<D extends EventDefinition> {
  readonly data: Omit<EventDataOf<D>, keyof TicketSnapshot>;
  readonly details: JsonObject;
  /** Events the work raises beyond the action's own (e.g. a recurring complaint cause). */
  readonly more?: EventDraft[];
}

const OPEN_OR_RESOLVED: readonly TicketStatus[] = [...OPEN_STATUSES, 'RESOLVED'];

function requireStatus(ticket: Ticket, allowed: readonly TicketStatus[], what: string): void {
  if (!allowed.includes(ticket.status)) {
    throw new InvalidTransitionError(`A ${ticket.status} ticket cannot be ${what}`, ticket.status);
  }
}

function requireKind(ticket: Ticket, kind: Ticket['kind']): void {
  if (ticket.kind !== kind) {
    throw new BadUserInputError(
      `Ticket ${ticket.number} is a ${ticket.kind}, not a ${kind}`,
      'input.ticketId',
    );
  }
}
