import type { RiskCategory } from '@opsgraph/contracts-events';
import { ConnectionArgs, ExpectedVersion, Text } from '@opsgraph/graphql-kit';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { RiskCategoryEnum } from '../common/enums';

const Rating =
  (description: string, optional = false): PropertyDecorator =>
  (target, property) => {
    if (optional) IsOptional()(target, property);
    IsInt()(target, property);
    Min(1)(target, property);
    Max(5)(target, property);
    Field(() => Int, { description, nullable: optional })(target, property);
  };

@InputType({ description: 'A new entry of the risk register' })
export class RegisterRiskInput {
  @Field({ description: 'Title, 1–200 characters' })
  @Text({ max: 200 })
  title: string;

  @Field(() => String, { description: 'Details, up to 5000 characters', nullable: true })
  @Text({ max: 5000, optional: true })
  description?: string | null;

  @Field(() => RiskCategoryEnum, { description: 'What kind of risk' })
  category: RiskCategory;

  @Rating('1 (rare) to 5 (almost certain)')
  likelihood: number;

  @Rating('1 (negligible) to 5 (severe)')
  impact: number;

  @Field(() => ID, { nullable: true, description: 'The employee who owns the risk' })
  ownerId?: string | null;

  @Field({ description: 'How the risk is reduced, 1–5000 characters' })
  @Text({ max: 5000 })
  mitigation: string;

  @Field(() => Int, { nullable: true, description: '1 to the score' })
  residualScore?: number | null;

  @Field({ description: 'YYYY-MM-DD' })
  nextReviewOn: string;
}

@InputType({ description: 'A re-assessment: only the fields given change' })
export class ReassessRiskInput {
  @Field(() => ID, { description: 'The risk' })
  riskId: string;

  @ExpectedVersion()
  expectedVersion: number;

  @Rating('1 to 5', true)
  likelihood?: number | null;

  @Rating('1 to 5', true)
  impact?: number | null;

  @Field(() => ID, { description: 'New owner (an employee); null keeps the owner', nullable: true })
  ownerId?: string | null;

  @Field(() => String, {
    description: 'New mitigation, up to 5000 characters; null keeps it',
    nullable: true,
  })
  @Text({ max: 5000, optional: true })
  mitigation?: string | null;

  @Field(() => Int, {
    description: 'New residual score, 1–25 and not above the score; null keeps it',
    nullable: true,
  })
  residualScore?: number | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  nextReviewOn?: string | null;
}

@InputType({ description: 'The risk was reviewed; its next review day is set' })
export class RecordRiskReviewInput {
  @Field(() => ID, { description: 'The risk reviewed; its next review day moves on' })
  riskId: string;

  @ExpectedVersion()
  expectedVersion: number;

  @Field({ description: 'YYYY-MM-DD, after today' })
  nextReviewOn: string;

  @Field(() => String, { description: 'What the review found, up to 5000 characters', nullable: true })
  @Text({ max: 5000, optional: true })
  note?: string | null;
}

@ArgsType()
export class RisksArgs extends ConnectionArgs {
  @Field(() => RiskCategoryEnum, { description: 'Only risks of this category', nullable: true })
  category?: RiskCategory | null;
}
