import { NotFoundError, requireCaller } from '@opsgraph/graphql-kit';
import { useCaseMutations } from '@opsgraph/service-kit';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { AppraisalCycle } from '../appraisal-cycles/appraisal-cycle.type';
import type { HrPerformanceContext } from '../context';
import { Employee } from '../employees/employee.type';
import { permissions } from '../permissions';
import type { AppraisalRecord, Review } from './appraisal.entity';
import {
  AddFeedbackNoteInput,
  AmendAppraisalInput,
  AppraisalStepInput,
  ChoosePeerReviewersInput,
  ReturnAppraisalInput,
  SetImprovementPlanInput,
  SubmitReviewInput,
} from './appraisal.inputs';
import { isFrozen } from './appraisal.rules';
import type { CycleKind } from '../appraisal-cycles/appraisal-cycle.rules';
import {
  Appraisal,
  AppraisalReview,
  CycleKindEnum,
  DimensionScore,
  PeerReview,
  PeerReviewRequest,
  PeerReviewSummary,
  ReviewScores,
} from './appraisal.type';
import { peerAverage, type ReviewScores as Scores } from './scoring.rules';

const MANAGERS_OF_APPRAISALS = permissions.rolesFor('MANAGE_APPRAISALS');

const toScores = (scores: Scores): ReviewScores => ({
  ability: scores.ABILITY,
  teamwork: scores.TEAMWORK,
  attitude: scores.ATTITUDE,
});

const toReview = (review: Review | null): AppraisalReview | null =>
  review && {
    scores: toScores(review.scores),
    comment: review.comment,
    submittedAt: new Date(review.submittedAt),
  };

@Resolver(() => Appraisal)
export class AppraisalResolver {
  @Query(() => Appraisal, { description: 'One appraisal: the employee, their managers and HR' })
  async appraisal(
    @Arg('id', () => ID, { description: 'The appraisal’s id' }) id: string,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<AppraisalRecord> {
    const caller = requireCaller(ctx);
    const [record] = await ctx.services.appraisals.findByIds([id]);
    if (!record) throw new NotFoundError('Appraisal', id);
    return ctx.services.appraisals.readable(caller, record);
  }

  @FieldResolver(() => CycleKindEnum, { description: 'Whether the period is a month, a quarter or a year' })
  periodKind(@Root() appraisal: AppraisalRecord): CycleKind {
    return appraisal.kind;
  }

  @FieldResolver(() => AppraisalReview, {
    description: 'The employee’s self-review; null until submitted',
    nullable: true,
  })
  selfReview(@Root() appraisal: AppraisalRecord): AppraisalReview | null {
    return toReview(appraisal.selfReview);
  }

  @FieldResolver(() => AppraisalReview, {
    description: 'The manager’s review; null until the manager has submitted it',
    nullable: true,
  })
  managerReview(@Root() appraisal: AppraisalRecord): AppraisalReview | null {
    return toReview(appraisal.managerReview);
  }

  @FieldResolver(() => Employee, { description: 'The employee appraised' })
  async employee(@Root() appraisal: AppraisalRecord, @Ctx() ctx: HrPerformanceContext): Promise<Employee> {
    return (await ctx.loaders.employee.load(appraisal.employeeId)) as Employee;
  }

  @FieldResolver(() => AppraisalCycle, { description: 'The appraisal cycle this appraisal belongs to' })
  async cycle(@Root() appraisal: AppraisalRecord, @Ctx() ctx: HrPerformanceContext): Promise<AppraisalCycle> {
    const [cycle] = await ctx.services.appraisalCycles.findByIds([appraisal.cycleId]);
    return cycle;
  }

  @FieldResolver(() => Boolean, { description: 'True once published: the scores below never change again' })
  scoresFrozen(@Root() appraisal: AppraisalRecord): boolean {
    return isFrozen(appraisal.status);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'When the scores were taken (calibration); null while they are live',
  })
  scoresTakenAt(@Root() appraisal: AppraisalRecord): Date | null {
    const taken = appraisal.scores?.takenAt;
    return taken ? new Date(taken) : null;
  }

  @FieldResolver(() => Number, {
    nullable: true,
    description: 'Data-driven score 0–100 from the ticket KPI figures of the period (quality, efficiency)',
  })
  async kpiScore(
    @Root() appraisal: AppraisalRecord,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<number | null> {
    return (await ctx.loaders.appraisalScores.load(appraisal))?.kpiScore ?? null;
  }

  @FieldResolver(() => Number, {
    nullable: true,
    description: 'The customer as a rater: survey scores of the employee’s tickets in the period, 0–100',
  })
  async customerScore(
    @Root() appraisal: AppraisalRecord,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<number | null> {
    return (await ctx.loaders.appraisalScores.load(appraisal))?.customerScore ?? null;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Praise letters (表揚) customers wrote about the employee in the period: evidence beside the customer score, ' +
      'frozen with the scores at publication; null on results published before praise was counted',
  })
  async praiseCount(
    @Root() appraisal: AppraisalRecord,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<number | null> {
    return (await ctx.loaders.appraisalScores.load(appraisal))?.praiseCount ?? null;
  }

  @FieldResolver(() => Number, { nullable: true, description: 'Weighted total 0–100' })
  async totalScore(
    @Root() appraisal: AppraisalRecord,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<number | null> {
    return (await ctx.loaders.appraisalScores.load(appraisal))?.total ?? null;
  }

  @FieldResolver(() => [DimensionScore], { description: 'Per dimension, 0–100 (monthly cycles)' })
  async dimensions(
    @Root() appraisal: AppraisalRecord,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<DimensionScore[]> {
    const dimensions = (await ctx.loaders.appraisalScores.load(appraisal))?.dimensions ?? {};
    return Object.entries(dimensions).map(([dimension, score]) => ({
      dimension,
      score: score as number | null,
    }));
  }

  @FieldResolver(() => PeerReviewSummary, { description: 'The peer reviews as the reviewee sees them' })
  peerReviewSummary(@Root() appraisal: AppraisalRecord): PeerReviewSummary {
    const { peerReviewerIds, peerReviews } = appraisal;
    const average = peerAverage(peerReviews.map((review) => review.scores));
    return {
      requested: peerReviewerIds.length,
      submitted: peerReviews.length,
      averageScores: average && toScores(average),
    };
  }

  @FieldResolver(() => [PeerReview], {
    description:
      'Each peer’s review with the reviewer: HR and the managers only (FORBIDDEN for the reviewee)',
  })
  async peerReviews(
    @Root() appraisal: AppraisalRecord,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<PeerReview[]> {
    await ctx.services.appraisals.assertMaySeePeerReviews(requireCaller(ctx), appraisal);
    return appraisal.peerReviews.map((review) => ({
      ...(toReview(review) as AppraisalReview),
      reviewerId: review.reviewerId,
    }));
  }

  @FieldResolver(() => [ID], { description: 'Chosen peer reviewers: HR and the managers only' })
  async peerReviewerIds(
    @Root() appraisal: AppraisalRecord,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<string[]> {
    await ctx.services.appraisals.assertMaySeePeerReviews(requireCaller(ctx), appraisal);
    return appraisal.peerReviewerIds;
  }
}

@Resolver(() => PeerReviewRequest)
export class PeerReviewRequestResolver {
  @Query(() => [PeerReviewRequest], { description: 'The appraisals the caller is asked to review as a peer' })
  async peerReviewRequests(@Ctx() ctx: HrPerformanceContext): Promise<PeerReviewRequest[]> {
    const caller = requireCaller(ctx);
    const records = await ctx.services.appraisals.peerReviewRequests(caller);
    return records.map((record) => ({
      appraisalId: record.id,
      version: record.version,
      period: record.period,
      submitted: record.peerReviews.some((review) => review.reviewerId === caller.employeeId),
      employeeId: record.employeeId,
    }));
  }

  @FieldResolver(() => Employee, { description: 'Who to review' })
  async employee(@Root() request: PeerReviewRequest, @Ctx() ctx: HrPerformanceContext): Promise<Employee> {
    return (await ctx.loaders.employee.load(request.employeeId)) as Employee;
  }
}

@Resolver(() => Employee)
export class EmployeeAppraisalResolver {
  @FieldResolver(() => [Appraisal], {
    description: 'The employee’s appraisals, newest period first: the employee, their managers and HR',
  })
  async appraisals(@Root() employee: Employee, @Ctx() ctx: HrPerformanceContext): Promise<AppraisalRecord[]> {
    return ctx.services.appraisals.forEmployee(requireCaller(ctx), employee.id);
  }
}

/** The appraisal workflow's mutations; who may take each step is decided in the AppraisalService. */
export const AppraisalMutations = useCaseMutations(
  () => Appraisal,
  (ctx: HrPerformanceContext) => ctx.services.appraisals,
  {
    startSelfReview: {
      useCase: 'startSelfReview',
      input: AppraisalStepInput,
      description: 'OPEN → SELF_REVIEW',
    },
    submitSelfReview: {
      useCase: 'submitSelfReview',
      input: SubmitReviewInput,
      description: 'The employee’s self review: SELF_REVIEW → MANAGER_REVIEW',
    },
    choosePeerReviewers: {
      useCase: 'choosePeerReviewers',
      input: ChoosePeerReviewersInput,
      description: 'The manager names colleagues who review the employee (until calibration)',
    },
    submitPeerReview: {
      useCase: 'submitPeerReview',
      input: SubmitReviewInput,
      description: 'A chosen colleague’s review; the reviewee only ever sees the average',
    },
    submitManagerReview: {
      useCase: 'submitManagerReview',
      input: SubmitReviewInput,
      description: 'The supervisor’s review: MANAGER_REVIEW → CALIBRATION',
    },
    returnAppraisalToManager: {
      useCase: 'returnToManager',
      input: ReturnAppraisalInput,
      roles: MANAGERS_OF_APPRAISALS,
      description: 'CALIBRATION → MANAGER_REVIEW, dropping the calibrated scores',
    },
    addAppraisalFeedbackNote: { useCase: 'addFeedbackNote', input: AddFeedbackNoteInput },
    setImprovementPlan: {
      useCase: 'setImprovementPlan',
      input: SetImprovementPlanInput,
      description: 'Required before a C or D is published',
    },
    publishAppraisal: {
      useCase: 'publish',
      input: AppraisalStepInput,
      roles: MANAGERS_OF_APPRAISALS,
      description: 'CALIBRATION → PUBLISHED: the calibrated scores and grade are frozen',
    },
    acknowledgeAppraisal: {
      useCase: 'acknowledge',
      input: AppraisalStepInput,
      description: 'The employee acknowledges the published result',
    },
    amendAppraisal: {
      useCase: 'amend',
      input: AmendAppraisalInput,
      roles: MANAGERS_OF_APPRAISALS,
      description: 'Corrects a published result, with a reason (audited, appraisal.amended)',
    },
  },
);
