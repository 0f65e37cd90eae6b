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
  @Field(() => Float)
  ability: number;

  @Field(() => Float)
  teamwork: number;

  @Field(() => Float)
  attitude: number;
}

@ObjectType()
export class AppraisalReview {
  @Field(() => ReviewScores)
  scores: ReviewScores;

  @Field(() => String, { nullable: true })
  comment: string | null;

  @Field()
  submittedAt: Date;
}

@ObjectType({ description: 'One peer’s review: visible to HR and the managers, never to the reviewee' })
export class PeerReview extends AppraisalReview {
  @Field(() => ID)
  reviewerId: string;
}

@ObjectType({ description: 'What the reviewee sees of the peer reviews: how many, and their average' })
export class PeerReviewSummary {
  @Field(() => Int)
  requested: number;

  @Field(() => Int)
  submitted: number;

  @Field(() => ReviewScores, { nullable: true })
  averageScores: ReviewScores | null;
}

@ObjectType()
export class DimensionScore {
  @Field(() => AppraisalDimensionEnum)
  dimension: string;

  @Field(() => Float, { nullable: true, description: '0–100; null when nothing measured it' })
  score: number | null;
}

@ObjectType()
export class FeedbackNote {
  @Field(() => ID, { nullable: true })
  authorId: string | null;

  @Field(() => GraphQLLocalDate)
  heldOn: string;

  @Field()
  note: string;
}

@ObjectType()
export class ImprovementCheckpoint {
  @Field(() => GraphQLLocalDate)
  due: string;

  @Field()
  description: string;
}

@ObjectType({ description: 'Goals, checkpoints and outcome for a C or D (required before publication)' })
export class ImprovementPlan {
  @Field(() => [String])
  goals: string[];

  @Field(() => [ImprovementCheckpoint])
  checkpoints: ImprovementCheckpoint[];

  @Field(() => ImprovementOutcomeEnum)
  outcome: ImprovementOutcome;
}

@ObjectType({
  description:
    'One employee’s appraisal in one cycle. Visible to the employee, their managers and HR. Scores are live ' +
    'until calibration, taken at calibration, and frozen by publication.',
})
export class Appraisal {
  @Field(() => ID)
  id: string;

  @Field()
  period: string;

  @Field(() => AppraisalStatusEnum)
  status: AppraisalStatus;

  @Field(() => GradeEnum, { nullable: true })
  grade: Grade | null;

  @Field(() => Float, { nullable: true, description: 'Bonus coefficient of the grade, set at publication' })
  bonusCoefficient: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of the bonus base withheld (績效扣罰), C and D' })
  deductionRate: number | null;

  @Field(() => [FeedbackNote], { description: 'Notes of the feedback conversations' })
  feedbackNotes: FeedbackNote[];

  @Field(() => ImprovementPlan, { nullable: true })
  improvementPlan: ImprovementPlan | null;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  @Field(() => Date, { nullable: true })
  acknowledgedAt: Date | null;

  @Field(() => Int, { description: 'Pass it back as expectedVersion' })
  version: number;
}

@ObjectType({
  description: 'An appraisal the caller was chosen to review as a peer (no scores, no other reviews)',
})
export class PeerReviewRequest {
  @Field(() => ID)
  appraisalId: string;

  @Field(() => Int, { description: 'Pass it back as expectedVersion with submitPeerReview' })
  version: number;

  @Field()
  period: string;

  @Field({ description: 'Whether the caller has already reviewed (submitting again replaces it)' })
  submitted: boolean;

  employeeId: string;
}
