import {
  AppraisalAcknowledged,
  AppraisalAmended,
  AppraisalManagerReviewSubmitted,
  AppraisalPublished,
  AppraisalReturned,
  AppraisalSelfReviewStarted,
  AppraisalSelfReviewSubmitted,
  type EventDefinition,
} from '@opsgraph/contracts-events';
import {
  BadUserInputError,
  ForbiddenError,
  InvalidTransitionError,
  type KnownCaller,
} from '@opsgraph/domain';
import { draft, type UnitOfWork, type WriteContext, type WriteTransaction } from '@opsgraph/service-kit';
import type { DataSource } from 'typeorm';
import { EmployeeRepository } from '../employees/employee.repository';
import { isIsoDate } from '../employees/employee.rules';
import { permissions } from '../permissions';
import {
  canCoach,
  canReviewAsManager,
  canSeeAppraisal,
  canSeePeerReviews,
  isAppraisee,
  type AppraisalPeople,
} from './appraisal.access';
import type { AppraisalRecord, FeedbackNote, Review } from './appraisal.entity';
import { APPRAISAL, AppraisalRepository } from './appraisal.repository';
import {
  acceptsPeerReviews,
  canMoveAppraisal,
  isFrozen,
  publicationBlockers,
  type AppraisalStatus,
  type ImprovementOutcome,
} from './appraisal.rules';
import { currentScores } from './appraisal.scores';
import { appraisalSnapshot } from './appraisal.snapshot';
import { BONUS_TERMS, type Grade } from './grading.rules';
import { REVIEW_SCALE, REVIEWED_DIMENSIONS, type ReviewScores } from './scoring.rules';

export interface AppraisalStep {
  appraisalId: string;
  expectedVersion: number;
}

export interface ReviewCommand extends AppraisalStep {
  /** 1–5 each. */
  scores: { ability: number; teamwork: number; attitude: number };
  comment?: string | null;
}

export interface ChoosePeerReviewersCommand extends AppraisalStep {
  reviewerIds: string[];
}

export interface ReturnAppraisalCommand extends AppraisalStep {
  reason: string;
}

export interface FeedbackNoteCommand extends AppraisalStep {
  heldOn: string;
  note: string;
}

export interface ImprovementPlanCommand extends AppraisalStep {
  goals: string[];
  checkpoints: { due: string; description: string }[];
  outcome?: ImprovementOutcome | null;
}

export interface AmendAppraisalCommand extends AppraisalStep {
  totalScore?: number | null;
  grade?: Grade | null;
  reason: string;
}

const MAX_PEERS = 10;

/** The appraisal workflow's use-cases: who may, which state, then one unit of work with audit and event. */
export class AppraisalService {
  constructor(private readonly kit: { dataSource: DataSource; unitOfWork: UnitOfWork }) {}

  private get reads(): AppraisalRepository {
    return new AppraisalRepository(this.kit.dataSource.manager);
  }

  findByIds(ids: readonly string[]): Promise<AppraisalRecord[]> {
    return this.reads.findByIds(ids);
  }

  ofEmployees(employeeIds: readonly string[]): Promise<AppraisalRecord[]> {
    return this.reads.ofEmployees(employeeIds);
  }

  ofCycle(cycleId: string): Promise<AppraisalRecord[]> {
    return this.reads.ofCycle(cycleId);
  }

  /** Scores as they would be calibrated now (for appraisals not calibrated yet). */
  async liveScores(appraisals: readonly AppraisalRecord[]) {
    return currentScores(this.kit.dataSource.manager, appraisals, this.kit.unitOfWork.clock());
  }

  /** The appraisals the caller was chosen to review and can still review (what a peer needs, nothing more). */
  peerReviewRequests(caller: KnownCaller): Promise<AppraisalRecord[]> {
    return caller.employeeId ? this.reads.awaitingPeerReviewBy(caller.employeeId) : Promise.resolve([]);
  }

  /** Who the appraisal's people are, for the access rules. */
  async peopleOf(appraisal: AppraisalRecord): Promise<AppraisalPeople> {
    return {
      employeeId: appraisal.employeeId,
      reviewerId: appraisal.reviewerId,
      managerChain: await new EmployeeRepository(this.kit.dataSource.manager).managerChainOf(
        appraisal.employeeId,
      ),
    };
  }

  /** The appraisal if `caller` may see it; FORBIDDEN otherwise. */
  async readable(caller: KnownCaller, appraisal: AppraisalRecord): Promise<AppraisalRecord> {
    if (!canSeeAppraisal(caller, await this.peopleOf(appraisal))) {
      throw new ForbiddenError('An appraisal is visible to the employee, their managers and HR');
    }
    return appraisal;
  }

  /**
   * An employee's appraisals: everything for the employee, their managers and HR; for anyone else only those they
   * were the named reviewer of (a former manager); FORBIDDEN when that is none.
   */
  async forEmployee(caller: KnownCaller, employeeId: string): Promise<AppraisalRecord[]> {
    const records = await this.reads.ofEmployees([employeeId]);
    const managerChain = permissions.can(caller, 'SEE_ANY_APPRAISAL')
      ? new Set<string>()
      : await new EmployeeRepository(this.kit.dataSource.manager).managerChainOf(employeeId);
    if (canSeeAppraisal(caller, { employeeId, reviewerId: null, managerChain })) return records;
    const reviewed = records.filter((record) =>
      canSeeAppraisal(caller, { employeeId, reviewerId: record.reviewerId, managerChain }),
    );
    if (reviewed.length === 0) {
      throw new ForbiddenError('Appraisals are visible to the employee, their managers and HR');
    }
    return reviewed;
  }

  /** Of a list, the appraisals `caller` may see (e.g. a cycle's, for a department manager). */
  async visible(caller: KnownCaller, appraisals: readonly AppraisalRecord[]): Promise<AppraisalRecord[]> {
    if (permissions.can(caller, 'SEE_ANY_APPRAISAL')) return [...appraisals];
    const result: AppraisalRecord[] = [];
    for (const appraisal of appraisals) {
      if (canSeeAppraisal(caller, await this.peopleOf(appraisal))) result.push(appraisal);
    }
    return result;
  }

  /** Individual peer reviews: HR and the managers; the reviewee gets FORBIDDEN (they see the summary). */
  async assertMaySeePeerReviews(caller: KnownCaller, appraisal: AppraisalRecord): Promise<void> {
    if (!canSeePeerReviews(caller, await this.peopleOf(appraisal))) {
      throw new ForbiddenError(
        'Individual peer reviews are visible to HR and the managers; see peerReviewSummary',
      );
    }
  }

  startSelfReview(context: WriteContext, command: AppraisalStep): Promise<AppraisalRecord> {
    return this.step(context, command, {
      to: 'SELF_REVIEW',
      allowed: (caller, people) =>
        isAppraisee(caller, people) || permissions.can(caller, 'MANAGE_APPRAISALS'),
      who: 'the employee or HR',
      action: 'SELF_REVIEW_STARTED',
      event: AppraisalSelfReviewStarted,
      change: (current) => current,
    });
  }

  submitSelfReview(context: WriteContext, command: ReviewCommand): Promise<AppraisalRecord> {
    const review = checkReview(command);
    return this.step(context, command, {
      to: 'MANAGER_REVIEW',
      allowed: isAppraisee,
      who: 'the employee',
      action: 'SELF_REVIEW_SUBMITTED',
      event: AppraisalSelfReviewSubmitted,
      change: (current, tx) => ({ ...current, selfReview: { ...review, submittedAt: tx.now.toISOString() } }),
    });
  }

  submitManagerReview(context: WriteContext, command: ReviewCommand): Promise<AppraisalRecord> {
    const review = checkReview(command);
    return this.step(context, command, {
      to: 'CALIBRATION',
      allowed: canReviewAsManager,
      who: 'the employee’s managers or the director',
      action: 'MANAGER_REVIEW_SUBMITTED',
      event: AppraisalManagerReviewSubmitted,
      change: (current, tx) => ({
        ...current,
        managerReview: { ...review, submittedAt: tx.now.toISOString() },
      }),
    });
  }

  returnToManager(context: WriteContext, command: ReturnAppraisalCommand): Promise<AppraisalRecord> {
    const reason = checkText(command.reason, 'input.reason', 2000);
    return this.step(context, command, {
      to: 'MANAGER_REVIEW',
      allowed: (caller) => permissions.can(caller, 'MANAGE_APPRAISALS'),
      who: 'HR',
      action: 'RETURNED',
      event: AppraisalReturned,
      extra: { reason },
      change: (current) => ({ ...current, scores: null, grade: null }),
    });
  }

  /** Freezes the calibrated scores and grade, with the grade's bonus terms. */
  publish(context: WriteContext, command: AppraisalStep): Promise<AppraisalRecord> {
    return this.step(context, command, {
      to: 'PUBLISHED',
      allowed: (caller) => permissions.can(caller, 'MANAGE_APPRAISALS'),
      who: 'HR',
      action: 'PUBLISHED',
      event: AppraisalPublished,
      change: (current, tx) => {
        const blockers = publicationBlockers(current.grade, current.improvementPlan);
        if (blockers.length > 0)
          throw new BadUserInputError(blockers[0].message, blockers[0].field, blockers);
        const terms = BONUS_TERMS[current.grade as Grade];
        return {
          ...current,
          bonusCoefficient: terms.coefficient,
          deductionRate: terms.deductionRate,
          publishedAt: tx.now,
        };
      },
    });
  }

  acknowledge(context: WriteContext, command: AppraisalStep): Promise<AppraisalRecord> {
    return this.step(context, command, {
      to: 'ACKNOWLEDGED',
      allowed: isAppraisee,
      who: 'the employee',
      action: 'ACKNOWLEDGED',
      event: AppraisalAcknowledged,
      change: (current, tx) => ({ ...current, acknowledgedAt: tx.now }),
    });
  }

  /** Replaces the peer reviewers; reviews of reviewers no longer chosen are dropped. */
  async choosePeerReviewers(
    context: WriteContext,
    command: ChoosePeerReviewersCommand,
  ): Promise<AppraisalRecord> {
    const reviewerIds = [...new Set(command.reviewerIds)];
    if (reviewerIds.length !== command.reviewerIds.length) {
      throw new BadUserInputError('A peer reviewer is named twice', 'input.reviewerIds');
    }
    if (reviewerIds.length > MAX_PEERS) {
      throw new BadUserInputError(`At most ${MAX_PEERS} peer reviewers`, 'input.reviewerIds');
    }
    return this.change(
      context,
      command,
      canReviewAsManager,
      'the employee’s managers',
      async (current, tx) => {
        requirePeerPhase(current.status);
        if (reviewerIds.includes(current.employeeId)) {
          throw new BadUserInputError('The employee cannot review themself as a peer', 'input.reviewerIds');
        }
        const found = await new EmployeeRepository(tx.manager).findByIds(reviewerIds);
        const active = new Set(found.filter((employee) => employee.status === 'ACTIVE').map((e) => e.id));
        const missing = reviewerIds.findIndex((id) => !active.has(id));
        if (missing !== -1) {
          throw new BadUserInputError(
            `There is no active employee ${reviewerIds[missing]}`,
            `input.reviewerIds.${missing}`,
          );
        }
        const after = {
          ...current,
          peerReviewerIds: reviewerIds,
          peerReviews: current.peerReviews.filter((review) => reviewerIds.includes(review.reviewerId)),
        };
        return { after, action: 'PEER_REVIEWERS_CHOSEN', changes: { peerReviewerIds: reviewerIds } };
      },
    );
  }

  /** A chosen peer's review (again: replaces theirs). Audited without its content; no event names the peer. */
  async submitPeerReview(context: WriteContext, command: ReviewCommand): Promise<AppraisalRecord> {
    const review = checkReview(command);
    const isChosen = (caller: KnownCaller, _people: AppraisalPeople, current: AppraisalRecord) =>
      !!caller.employeeId && current.peerReviewerIds.includes(caller.employeeId);
    return this.change(context, command, isChosen, 'a chosen peer reviewer', async (current, tx) => {
      requirePeerPhase(current.status);
      const reviewerId = context.caller?.employeeId as string;
      const after = {
        ...current,
        peerReviews: [
          ...current.peerReviews.filter((existing) => existing.reviewerId !== reviewerId),
          { ...review, reviewerId, submittedAt: tx.now.toISOString() },
        ],
      };
      return { after, action: 'PEER_REVIEW_SUBMITTED', changes: { peerReviews: after.peerReviews.length } };
    });
  }

  /** A note of the feedback conversation (績效溝通); allowed in any state, it never changes the result. */
  addFeedbackNote(context: WriteContext, command: FeedbackNoteCommand): Promise<AppraisalRecord> {
    if (!isIsoDate(command.heldOn)) throw new BadUserInputError('Expected a date YYYY-MM-DD', 'input.heldOn');
    const note = checkText(command.note, 'input.note', 4000);
    return this.change(context, command, canCoach, 'the employee’s managers or HR', async (current, tx) => {
      const entry: FeedbackNote = { authorId: tx.actor.id, heldOn: command.heldOn, note };
      return {
        after: { ...current, feedbackNotes: [...current.feedbackNotes, entry] },
        action: 'FEEDBACK_NOTE_ADDED',
        changes: entry as unknown as Record<string, unknown>,
      };
    });
  }

  /** The improvement plan of an under-performer (goals, checkpoints, later the outcome). */
  setImprovementPlan(context: WriteContext, command: ImprovementPlanCommand): Promise<AppraisalRecord> {
    if (command.goals.length === 0)
      throw new BadUserInputError('A plan has at least one goal', 'input.goals');
    const goals = command.goals.map((goal, index) => checkText(goal, `input.goals.${index}`, 1000));
    if (command.checkpoints.length === 0) {
      throw new BadUserInputError('A plan has at least one checkpoint', 'input.checkpoints');
    }
    const checkpoints = command.checkpoints.map((checkpoint, index) => {
      if (!isIsoDate(checkpoint.due)) {
        throw new BadUserInputError('Expected a date YYYY-MM-DD', `input.checkpoints.${index}.due`);
      }
      return {
        due: checkpoint.due,
        description: checkText(checkpoint.description, `input.checkpoints.${index}.description`, 1000),
      };
    });
    return this.change(context, command, canCoach, 'the employee’s managers or HR', async (current) => {
      if (current.status !== 'CALIBRATION' && !isFrozen(current.status)) {
        throw new InvalidTransitionError('An improvement plan follows calibration', current.status);
      }
      const plan = { goals, checkpoints, outcome: command.outcome ?? 'PENDING' };
      return { after: { ...current, improvementPlan: plan }, action: 'IMPROVEMENT_PLAN_SET', changes: plan };
    });
  }

  /** The only way to change a published result: HR, with a reason; the audit keeps before and after. */
  async amend(context: WriteContext, command: AmendAppraisalCommand): Promise<AppraisalRecord> {
    const reason = checkText(command.reason, 'input.reason', 2000);
    const total = command.totalScore;
    if (total !== null && total !== undefined && !(total >= 0 && total <= 100)) {
      throw new BadUserInputError('A total score is between 0 and 100', 'input.totalScore');
    }
    return this.kit.unitOfWork.run(context, async (tx) => {
      const current = await tx.load(APPRAISAL, command.appraisalId, command.expectedVersion);
      requireCaller(context, (caller) => permissions.can(caller, 'MANAGE_APPRAISALS'), 'HR');
      if (!isFrozen(current.status)) {
        throw new InvalidTransitionError(
          'Only a published appraisal is amended; recalibrate before',
          current.status,
        );
      }
      const changedFields: ('totalScore' | 'grade')[] = [];
      let after: AppraisalRecord = { ...current, updatedAt: tx.now };
      if (total !== null && total !== undefined && total !== current.scores?.total) {
        changedFields.push('totalScore');
        after = {
          ...after,
          scores: { ...(current.scores as NonNullable<AppraisalRecord['scores']>), total },
        };
      }
      if (command.grade && command.grade !== current.grade) {
        changedFields.push('grade');
        const blockers = publicationBlockers(command.grade, current.improvementPlan);
        if (blockers.length > 0) throw new BadUserInputError(blockers[0].message, 'input.grade', blockers);
        const terms = BONUS_TERMS[command.grade];
        after = {
          ...after,
          grade: command.grade,
          bonusCoefficient: terms.coefficient,
          deductionRate: terms.deductionRate,
        };
      }
      if (changedFields.length === 0) {
        throw new BadUserInputError('The amendment changes nothing', 'input');
      }
      return tx.save(APPRAISAL, current, {
        after,
        action: 'AMENDED',
        events: [draft(AppraisalAmended, { ...appraisalSnapshot(after), reason, changedFields })],
        changes: {
          reason,
          before: { totalScore: current.scores?.total ?? null, grade: current.grade },
          after: { totalScore: after.scores?.total ?? null, grade: after.grade },
        },
      });
    });
  }

  /** A workflow move: checks who, checks the transition, applies `change`, saves with the move's event. */
  private step(
    context: WriteContext,
    command: AppraisalStep,
    move: {
      to: AppraisalStatus;
      allowed: (caller: KnownCaller, people: AppraisalPeople, current: AppraisalRecord) => boolean;
      who: string;
      action: string;
      event: EventDefinition;
      extra?: Record<string, unknown>;
      change: (current: AppraisalRecord, tx: WriteTransaction) => AppraisalRecord;
    },
  ): Promise<AppraisalRecord> {
    return this.kit.unitOfWork.run(context, async (tx) => {
      const current = await tx.load(APPRAISAL, command.appraisalId, command.expectedVersion);
      await this.authorize(tx, context, current, move.allowed, move.who);
      if (!canMoveAppraisal(current.status, move.to)) {
        throw new InvalidTransitionError(
          `An appraisal in ${current.status} cannot move to ${move.to}`,
          current.status,
        );
      }
      const after: AppraisalRecord = { ...move.change(current, tx), status: move.to, updatedAt: tx.now };
      const data = { ...appraisalSnapshot(after), ...move.extra };
      return tx.save(APPRAISAL, current, {
        after,
        action: move.action,
        events: [{ definition: move.event, data }],
        changes: { status: move.to, ...move.extra },
      });
    });
  }

  /** A change that does not move the state (and publishes no event). */
  private change(
    context: WriteContext,
    command: AppraisalStep,
    allowed: (caller: KnownCaller, people: AppraisalPeople, current: AppraisalRecord) => boolean,
    who: string,
    apply: (
      current: AppraisalRecord,
      tx: WriteTransaction,
    ) => Promise<{ after: AppraisalRecord; action: string; changes: Record<string, unknown> }>,
  ): Promise<AppraisalRecord> {
    return this.kit.unitOfWork.run(context, async (tx) => {
      const current = await tx.load(APPRAISAL, command.appraisalId, command.expectedVersion);
      await this.authorize(tx, context, current, allowed, who);
      const { after, action, changes } = await apply(current, tx);
      return tx.save(APPRAISAL, current, { after: { ...after, updatedAt: tx.now }, action, changes });
    });
  }

  private async authorize(
    tx: WriteTransaction,
    context: WriteContext,
    current: AppraisalRecord,
    allowed: (caller: KnownCaller, people: AppraisalPeople, current: AppraisalRecord) => boolean,
    who: string,
  ): Promise<void> {
    const people: AppraisalPeople = {
      employeeId: current.employeeId,
      reviewerId: current.reviewerId,
      managerChain: await new EmployeeRepository(tx.manager).managerChainOf(current.employeeId),
    };
    requireCaller(context, (caller) => allowed(caller, people, current), who);
  }
}

function requireCaller(context: WriteContext, allowed: (caller: KnownCaller) => boolean, who: string): void {
  const caller = context.caller;
  if (caller === null || !allowed(caller)) throw new ForbiddenError(`Only ${who} may do this`);
}

function requirePeerPhase(status: AppraisalStatus): void {
  if (!acceptsPeerReviews(status)) {
    throw new InvalidTransitionError('Peer reviews close when calibration starts', status);
  }
}

function checkText(raw: string, field: string, max: number): string {
  const text = raw.trim();
  if (text.length === 0 || text.length > max) {
    throw new BadUserInputError(`Expected 1–${max} characters`, field);
  }
  return text;
}

function checkReview(command: ReviewCommand): Omit<Review, 'submittedAt'> {
  const scores = {} as Record<(typeof REVIEWED_DIMENSIONS)[number], number>;
  for (const dimension of REVIEWED_DIMENSIONS) {
    const key = dimension.toLowerCase() as keyof ReviewCommand['scores'];
    const score = command.scores[key];
    if (!Number.isInteger(score) || score < REVIEW_SCALE.min || score > REVIEW_SCALE.max) {
      throw new BadUserInputError(
        `A review score is a whole number from ${REVIEW_SCALE.min} to ${REVIEW_SCALE.max}`,
        `input.scores.${key}`,
      );
    }
    scores[dimension] = score;
  }
  const comment = command.comment == null ? null : checkText(command.comment, 'input.comment', 4000);
  return { scores: scores as ReviewScores, comment };
}
