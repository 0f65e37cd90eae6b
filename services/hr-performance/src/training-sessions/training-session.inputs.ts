import { ExpectedVersion, Text } from '@opsgraph/graphql-kit';
import { ArrayMaxSize, IsInt, Max, Min } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import type { PracticalResult, TrainingKind } from './training-session.entity';
import { PracticalResultEnum, TrainingKindEnum } from './training-session.type';

@InputType({
  description:
    'Creates a department’s training plan for a year; one per department and year (ADMIN, HR, OPS_DIRECTOR). A second one is a CONFLICT',
})
export class CreateTrainingPlanInput {
  @Field(() => ID, { description: 'The department the plan is for' })
  departmentId: string;

  @Field(() => Int, { description: 'The calendar year the plan covers, 2000–2100' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @Field({ description: 'The plan’s title, 1–200 characters' })
  @Text({ max: 200 })
  title: string;

  @Field(() => [String], { description: '培訓目標' })
  @ArrayMaxSize(20)
  goals: string[];
}

@InputType({
  description:
    'Schedules a session of a training plan (ADMIN, HR, OPS_DIRECTOR). Answers BAD_USER_INPUT with field when endsOn is before startsOn',
})
export class ScheduleTrainingSessionInput {
  @Field(() => ID, { description: 'The training plan the session belongs to' })
  planId: string;

  @Field({ description: 'The session’s title, 1–200 characters' })
  @Text({ max: 200 })
  title: string;

  @Field(() => TrainingKindEnum, { description: 'Internal, external, online or practice' })
  kind: TrainingKind;

  @Field(() => GraphQLLocalDate, { description: 'First day (LocalDate)' })
  startsOn: string;

  @Field(() => GraphQLLocalDate, { description: 'Last day (LocalDate), not before startsOn' })
  endsOn: string;

  @Field(() => String, {
    description: 'Who trains, up to 200 characters; null when not known yet',
    nullable: true,
  })
  @Text({ max: 200, optional: true })
  trainer?: string | null;

  @Field(() => Int, { description: 'Most attendees, 1–1000' })
  @IsInt()
  @Min(1)
  @Max(1000)
  capacity: number;
}

@InputType({ description: 'An employee and a training session' })
export class TraineeInput {
  @Field(() => ID, { description: 'The training session' })
  trainingId: string;

  @ExpectedVersion()
  expectedVersion: number;

  @Field(() => ID, { description: 'The employee (enrolled in the session)' })
  employeeId: string;
}

@InputType({
  description: 'Records whether an enrolled employee attended a session (ADMIN, HR, OPS_DIRECTOR)',
})
export class RecordTrainingAttendanceInput extends TraineeInput {
  @Field({ description: 'true when the employee attended' })
  attended: boolean;
}

@InputType({ description: 'Any of exam score, practical result and feedback' })
export class AssessTraineeInput extends TraineeInput {
  @Field(() => Float, {
    description: 'Exam score 0–100; 60 or more is a pass. null when there was no exam',
    nullable: true,
  })
  examScore?: number | null;

  @Field(() => PracticalResultEnum, {
    description: 'Result of the practical assessment; PASSED is a pass. null when there was none',
    nullable: true,
  })
  practicalResult?: PracticalResult | null;

  @Field(() => String, {
    description: 'The attendee’s or trainer’s feedback on the session, up to 4000 characters',
    nullable: true,
  })
  @Text({ max: 4000, optional: true })
  feedback?: string | null;
}

@InputType({
  description:
    'Issues a certificate to an attendee who passed (exam ≥ 60 or practical PASSED); ADMIN, HR, OPS_DIRECTOR. Answers INVALID_TRANSITION without a pass',
})
export class IssueTrainingCertificateInput extends TraineeInput {
  @Field(() => GraphQLLocalDate, { description: 'Day of issue (LocalDate)' })
  issuedOn: string;
}
