import { graphqlEnumOf } from '@opsgraph/graphql-kit';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { CYCLE_KINDS } from '../appraisal-cycles/appraisal-cycle.rules';
import {
  APPRAISAL_STATUSES,
  IMPROVEMENT_OUTCOMES,
  type AppraisalStatus,
  type ImprovementOutcome,
} from './appraisal.rules';
import { GRADES, type Grade } from './grading.rules';

export const AppraisalStatusEnum = graphqlEnumOf(
  APPRAISAL_STATUSES,
  'AppraisalStatus',
  'OPEN → SELF_REVIEW → MANAGER_REVIEW → CALIBRATION → PUBLISHED → ACKNOWLEDGED',
  {
    OPEN: 'Opened for the cycle; the self-review has not started',
    SELF_REVIEW: 'The employee is writing the self-review',
    MANAGER_REVIEW: 'The manager is reviewing and scoring',
    CALIBRATION: 'Grades are being calibrated across the department',
    PUBLISHED: 'The result is published to the employee (frozen)',
    ACKNOWLEDGED: 'The employee has acknowledged the result',
  },
);
export const GradeEnum = graphqlEnumOf(
  GRADES,
  'AppraisalGrade',
  'S (outstanding) to D (not up to standard)',
  {
    S: 'Outstanding',
    A: 'Exceeds expectations',
    B: 'Meets expectations',
    C: 'Partly meets expectations',
    D: 'Not up to standard',
  },
);
export const CycleKindEnum = graphqlEnumOf(
  CYCLE_KINDS,
  'AppraisalCycleKind',
  'How long a cycle’s period is',
  {
    MONTHLY: 'A calendar month (period YYYY-MM)',
    QUARTERLY: 'A calendar quarter (period YYYY-Qn)',
    ANNUAL: 'A calendar year (period YYYY)',
  },
);
export const ImprovementOutcomeEnum = graphqlEnumOf(
  IMPROVEMENT_OUTCOMES,
  'ImprovementOutcome',
  'How a plan ended',
  { PENDING: 'Still running', MET: 'The goals were met', NOT_MET: 'The goals were not met' },
);
export const AppraisalDimensionEnum = graphqlEnumOf(
  ['SERVICE_QUALITY', 'EFFICIENCY', 'CUSTOMER_SATISFACTION', 'TEAMWORK', 'ATTITUDE', 'ABILITY'] as const,
  'AppraisalDimension',
  'What an appraisal scores; ABILITY is 工作能力',
  {
    SERVICE_QUALITY: 'Quality of the service delivered',
    EFFICIENCY: 'Speed and throughput of the work',
    CUSTOMER_SATISFACTION: 'What customers say about the service',
    TEAMWORK: 'Working with colleagues and other departments',
    ATTITUDE: 'Diligence and sense of responsibility',
    ABILITY: 'Professional skill (工作能力)',
  },
);

@ObjectType({ description: 'Review scores 1–5 (averages for peers)' })
export class ReviewScores {
  @Field(() => Float, { description: 'Ability (工作能力), 1–5; a mean of several reviews may have decimals' })
  ability: number;

  @Field(() => Float, { description: 'Teamwork (團隊協作), 1–5' })
  teamwork: number;

  @Field(() => Float, { description: 'Attitude (工作態度), 1–5' })
  attitude: number;
}

@ObjectType({
  description:
    'A submitted self or manager review: 1–5 scores on ability, teamwork and attitude and a comment',
})
export class AppraisalReview {
  @Field(() => ReviewScores, { description: 'The reviewer’s scores, each 1–5' })
  scores: ReviewScores;

  @Field(() => String, { description: 'The reviewer’s comment; null when none was written', nullable: true })
  comment: string | null;

  @Field({ description: 'When the review was submitted (DateTime, UTC)' })
  submittedAt: Date;
}

@ObjectType({ description: 'One peer’s review: visible to HR and the managers, never to the reviewee' })
export class PeerReview extends AppraisalReview {
  @Field(() => ID, {
    description:
      'The colleague who reviewed (shown only to managers, HR and the director, never to the reviewee)',
  })
  reviewerId: string;
}

@ObjectType({ description: 'What the reviewee sees of the peer reviews: how many, and their average' })
export class PeerReviewSummary {
  @Field(() => Int, { description: 'Peers chosen' })
  requested: number;

  @Field(() => Int, { description: 'Peers who have submitted' })
  submitted: number;

  @Field(() => ReviewScores, {
    description: 'Mean of the submitted peer scores; null until one is submitted',
    nullable: true,
  })
  averageScores: ReviewScores | null;
}

@ObjectType({ description: 'One dimension’s score in an appraisal’s weighted total' })
export class DimensionScore {
  @Field(() => AppraisalDimensionEnum, { description: 'The dimension scored' })
  dimension: string;

  @Field(() => Float, { nullable: true, description: '0–100; null when nothing measured it' })
  score: number | null;
}

@ObjectType({ description: 'A recorded performance feedback conversation (績效溝通)' })
export class FeedbackNote {
  @Field(() => ID, {
    description: 'The employee who recorded it; null when not recorded by an employee',
    nullable: true,
  })
  authorId: string | null;

  @Field(() => GraphQLLocalDate, { description: 'Day the conversation took place (LocalDate)' })
  heldOn: string;

  @Field({ description: 'What was discussed' })
  note: string;
}

@ObjectType({ description: 'A dated step of an improvement plan' })
export class ImprovementCheckpoint {
  @Field(() => GraphQLLocalDate, { description: 'Day the checkpoint is due (LocalDate)' })
  due: string;

  @Field({ description: 'What must be achieved by then' })
  description: string;
}

@ObjectType({ description: 'Goals, checkpoints and outcome for a C or D (required before publication)' })
export class ImprovementPlan {
  @Field(() => [String], { description: 'What the employee is to improve' })
  goals: string[];

  @Field(() => [ImprovementCheckpoint], { description: 'Dated checkpoints, in order' })
  checkpoints: ImprovementCheckpoint[];

  @Field(() => ImprovementOutcomeEnum, { description: 'How the plan ended, or PENDING' })
  outcome: ImprovementOutcome;
}

@ObjectType({
  description:
    'One employee’s appraisal in one cycle. Visible to the employee, their managers and HR. Scores are live ' +
    'until calibration, taken at calibration, and frozen by publication.',
})
export class Appraisal {
  @Field(() => ID, { description: 'The appraisal’s id' })
  id: string;

  @Field({ description: 'The period appraised: YYYY-MM, YYYY-Qn or YYYY (as periodKind says)' })
  period: string;

  @Field(() => AppraisalStatusEnum, {
    description: 'Where the appraisal is in its workflow (OPEN → … → ACKNOWLEDGED)',
  })
  status: AppraisalStatus;

  @Field(() => GradeEnum, {
    description: 'S to D; null until calibration grades the appraisal',
    nullable: true,
  })
  grade: Grade | null;

  @Field(() => Float, { nullable: true, description: 'Bonus coefficient of the grade, set at publication' })
  bonusCoefficient: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of the bonus base withheld (績效扣罰), C and D' })
  deductionRate: number | null;

  @Field(() => [FeedbackNote], { description: 'Notes of the feedback conversations' })
  feedbackNotes: FeedbackNote[];

  @Field(() => ImprovementPlan, {
    description:
      'The improvement plan (goals, checkpoints, outcome); required before a C or D is published, otherwise null',
    nullable: true,
  })
  improvementPlan: ImprovementPlan | null;

  @Field(() => Date, {
    description: 'When the result was published and frozen (DateTime, UTC); null before PUBLISHED',
    nullable: true,
  })
  publishedAt: Date | null;

  @Field(() => Date, {
    description:
      'When the employee acknowledged the published result (DateTime, UTC); null until ACKNOWLEDGED',
    nullable: true,
  })
  acknowledgedAt: Date | null;

  @Field(() => Int, { description: 'Pass it back as expectedVersion' })
  version: number;
}

@ObjectType({
  description: 'An appraisal the caller was chosen to review as a peer (no scores, no other reviews)',
})
export class PeerReviewRequest {
  @Field(() => ID, { description: 'The appraisal to review' })
  appraisalId: string;

  @Field(() => Int, { description: 'Pass it back as expectedVersion with submitPeerReview' })
  version: number;

  @Field({ description: 'The period of that appraisal' })
  period: string;

  @Field({ description: 'Whether the caller has already reviewed (submitting again replaces it)' })
  submitted: boolean;

  employeeId: string;
}
