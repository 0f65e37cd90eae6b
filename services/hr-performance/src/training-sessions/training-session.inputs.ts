import { ExpectedVersion, Text } from '@opsgraph/graphql-kit';
import { ArrayMaxSize, IsInt, Max, Min } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import type { PracticalResult, TrainingKind } from './training-session.entity';
import { PracticalResultEnum, TrainingKindEnum } from './training-session.type';

@InputType()
export class CreateTrainingPlanInput {
  @Field(() => ID)
  departmentId: string;

  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @Field()
  @Text({ max: 200 })
  title: string;

  @Field(() => [String], { description: '培訓目標' })
  @ArrayMaxSize(20)
  goals: string[];
}

@InputType()
export class ScheduleTrainingSessionInput {
  @Field(() => ID)
  planId: string;

  @Field()
  @Text({ max: 200 })
  title: string;

  @Field(() => TrainingKindEnum)
  kind: TrainingKind;

  @Field(() => GraphQLLocalDate)
  startsOn: string;

  @Field(() => GraphQLLocalDate)
  endsOn: string;

  @Field(() => String, { nullable: true })
  @Text({ max: 200, optional: true })
  trainer?: string | null;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(1000)
  capacity: number;
}

@InputType()
export class TraineeInput {
  @Field(() => ID)
  trainingId: string;

  @ExpectedVersion()
  expectedVersion: number;

  @Field(() => ID)
  employeeId: string;
}

@InputType()
export class RecordTrainingAttendanceInput extends TraineeInput {
  @Field()
  attended: boolean;
}

@InputType({ description: 'Any of exam score, practical result and feedback' })
export class AssessTraineeInput extends TraineeInput {
  @Field(() => Float, { nullable: true })
  examScore?: number | null;

  @Field(() => PracticalResultEnum, { nullable: true })
  practicalResult?: PracticalResult | null;

  @Field(() => String, { nullable: true })
  @Text({ max: 4000, optional: true })
  feedback?: string | null;
}

@InputType()
export class IssueTrainingCertificateInput extends TraineeInput {
  @Field(() => GraphQLLocalDate)
  issuedOn: string;
}
