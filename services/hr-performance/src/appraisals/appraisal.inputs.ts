import { ExpectedVersion, Text } from '@opsgraph/graphql-kit';
import { ArrayMaxSize, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import type { ImprovementOutcome } from './appraisal.rules';
import type { Grade } from './grading.rules';
import { GradeEnum, ImprovementOutcomeEnum } from './appraisal.type';

@InputType({ description: 'An appraisal and the version the caller saw' })
export class AppraisalStepInput {
  @Field(() => ID)
  appraisalId: string;

  @ExpectedVersion()
  expectedVersion: number;
}

@InputType({ description: 'Review scores, 1 (poor) to 5 (excellent)' })
export class ReviewScoresInput {
  @Field(() => Int, { description: '工作能力 — ability' })
  @IsInt()
  @Min(1)
  @Max(5)
  ability: number;

  @Field(() => Int, { description: '團隊協作 — teamwork' })
  @IsInt()
  @Min(1)
  @Max(5)
  teamwork: number;

  @Field(() => Int, { description: '工作態度 — attitude' })
  @IsInt()
  @Min(1)
  @Max(5)
  attitude: number;
}

@InputType()
export class SubmitReviewInput extends AppraisalStepInput {
  @Field(() => ReviewScoresInput)
  @ValidateNested()
  scores: ReviewScoresInput;

  @Field(() => String, { nullable: true })
  @Text({ max: 4000, optional: true })
  comment?: string | null;
}

@InputType()
export class ChoosePeerReviewersInput extends AppraisalStepInput {
  @Field(() => [ID], { description: 'Replaces the list; at most 10 colleagues, never the employee' })
  @ArrayMaxSize(10)
  reviewerIds: string[];
}

@InputType()
export class ReturnAppraisalInput extends AppraisalStepInput {
  @Field()
  @Text({ max: 2000 })
  reason: string;
}

@InputType()
export class AddFeedbackNoteInput extends AppraisalStepInput {
  @Field(() => GraphQLLocalDate, { description: 'When the conversation was held' })
  heldOn: string;

  @Field()
  @Text({ max: 4000 })
  note: string;
}

@InputType()
export class ImprovementCheckpointInput {
  @Field(() => GraphQLLocalDate)
  due: string;

  @Field()
  @Text({ max: 1000 })
  description: string;
}

@InputType()
export class SetImprovementPlanInput extends AppraisalStepInput {
  @Field(() => [String])
  @ArrayMaxSize(20)
  goals: string[];

  @Field(() => [ImprovementCheckpointInput])
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  checkpoints: ImprovementCheckpointInput[];

  @Field(() => ImprovementOutcomeEnum, { nullable: true, description: 'Default PENDING' })
  outcome?: ImprovementOutcome | null;
}

@InputType({ description: 'A correction of a published result; give the new total, the new grade, or both' })
export class AmendAppraisalInput extends AppraisalStepInput {
  @Field(() => Float, { nullable: true })
  totalScore?: number | null;

  @Field(() => GradeEnum, { nullable: true })
  grade?: Grade | null;

  @Field({ description: 'Why the published result is corrected (kept in the audit trail)' })
  @Text({ max: 2000 })
  reason: string;
}
