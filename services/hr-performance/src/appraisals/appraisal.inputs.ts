import { ExpectedVersion, Text } from '@opsgraph/graphql-kit';
import { ArrayMaxSize, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import type { ImprovementOutcome } from './appraisal.rules';
import type { Grade } from './grading.rules';
import { GradeEnum, ImprovementOutcomeEnum } from './appraisal.type';

@InputType({ description: 'An appraisal and the version the caller saw' })
export class AppraisalStepInput {
  @Field(() => ID, { description: 'The appraisal' })
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

@InputType({
  description:
    'Submits the self-review (the employee) or the manager review (their manager, ADMIN or OPS_DIRECTOR). Answers INVALID_TRANSITION when the appraisal is not at that step',
})
export class SubmitReviewInput extends AppraisalStepInput {
  @Field(() => ReviewScoresInput, { description: 'Scores 1–5 on ability, teamwork and attitude' })
  @ValidateNested()
  scores: ReviewScoresInput;

  @Field(() => String, { description: 'A comment, up to 4000 characters', nullable: true })
  @Text({ max: 4000, optional: true })
  comment?: string | null;
}

@InputType({
  description:
    'The manager chooses the colleagues who rate the employee (peer score weighs 30 %); the reviewee never sees who said what',
})
export class ChoosePeerReviewersInput extends AppraisalStepInput {
  @Field(() => [ID], { description: 'Replaces the list; at most 10 colleagues, never the employee' })
  @ArrayMaxSize(10)
  reviewerIds: string[];
}

@InputType({
  description:
    'Returns an appraisal from CALIBRATION to MANAGER_REVIEW (ADMIN, HR, OPS_DIRECTOR). Answers INVALID_TRANSITION in any other status',
})
export class ReturnAppraisalInput extends AppraisalStepInput {
  @Field({ description: 'What the manager should reconsider, 1–2000 characters' })
  @Text({ max: 2000 })
  reason: string;
}

@InputType({
  description:
    'Records a performance feedback conversation (績效溝通) on an appraisal; the employee’s managers, HR or the director. Answers NOT_FOUND for an unknown appraisal, FORBIDDEN for anyone else',
})
export class AddFeedbackNoteInput extends AppraisalStepInput {
  @Field(() => GraphQLLocalDate, { description: 'When the conversation was held' })
  heldOn: string;

  @Field({
    description: 'What was discussed, 1–4000 characters (visible to the employee, their managers and HR)',
  })
  @Text({ max: 4000 })
  note: string;
}

@InputType({ description: 'A dated step of an improvement plan' })
export class ImprovementCheckpointInput {
  @Field(() => GraphQLLocalDate, { description: 'Day it is due (LocalDate)' })
  due: string;

  @Field({ description: 'What must be achieved, 1–1000 characters' })
  @Text({ max: 1000 })
  description: string;
}

@InputType({
  description:
    'Sets the improvement plan of an appraisal graded C or D (the employee’s managers, HR or the director); replaces a previous plan',
})
export class SetImprovementPlanInput extends AppraisalStepInput {
  @Field(() => [String], { description: 'Up to 20 goals' })
  @ArrayMaxSize(20)
  goals: string[];

  @Field(() => [ImprovementCheckpointInput], { description: 'Up to 20 dated checkpoints' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  checkpoints: ImprovementCheckpointInput[];

  @Field(() => ImprovementOutcomeEnum, { nullable: true, description: 'Default PENDING' })
  outcome?: ImprovementOutcome | null;
}

@InputType({ description: 'A correction of a published result; give the new total, the new grade, or both' })
export class AmendAppraisalInput extends AppraisalStepInput {
  @Field(() => Float, {
    description: 'The corrected weighted total, 0–100; null keeps the total',
    nullable: true,
  })
  totalScore?: number | null;

  @Field(() => GradeEnum, {
    description: 'The corrected grade; null keeps the grade (the bonus terms follow the grade)',
    nullable: true,
  })
  grade?: Grade | null;

  @Field({ description: 'Why the published result is corrected (kept in the audit trail)' })
  @Text({ max: 2000 })
  reason: string;
}
