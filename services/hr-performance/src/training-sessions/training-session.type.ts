import { PRACTICAL_RESULTS, TRAINING_KINDS } from '@opsgraph/contracts-events';
import { graphqlEnumOf } from '@opsgraph/graphql-kit';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { PracticalResult, TrainingKind } from './training-session.entity';

export const TrainingKindEnum = graphqlEnumOf(
  TRAINING_KINDS,
  'TrainingKind',
  '內部培訓、外部培訓、在線學習、實踐操作 (P1 §六(二)1)',
);
export const PracticalResultEnum = graphqlEnumOf(
  PRACTICAL_RESULTS,
  'PracticalResult',
  'Practical assessment',
);

@ObjectType({ description: 'An enrolled employee: attendance, assessment and certificate' })
export class Trainee {
  @Field(() => ID)
  employeeId: string;

  @Field(() => Boolean, { nullable: true, description: 'null until attendance is recorded' })
  attended: boolean | null;

  @Field(() => Float, { nullable: true })
  examScore: number | null;

  @Field(() => PracticalResultEnum, { nullable: true })
  practicalResult: PracticalResult | null;

  @Field(() => String, { nullable: true })
  feedback: string | null;

  @Field(() => String, { nullable: true })
  certificateNumber: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true })
  certificateIssuedOn: string | null;
}

@ObjectType({ description: 'An attendee’s KPI score (0–100) in the windows before and after the training' })
export class AttendeeEffect {
  @Field(() => ID)
  employeeId: string;

  @Field(() => Float, { nullable: true })
  before: number | null;

  @Field(() => Float, { nullable: true })
  after: number | null;

  @Field(() => Float, { nullable: true })
  change: number | null;
}

@ObjectType({
  description: 'The attendees’ average KPI score before and after, over those measured in both windows',
})
export class TrainingPlanEffect {
  @Field(() => Int)
  measured: number;

  @Field(() => Float, { nullable: true })
  averageBefore: number | null;

  @Field(() => Float, { nullable: true })
  averageAfter: number | null;

  @Field(() => Float, { nullable: true })
  averageChange: number | null;
}

@ObjectType({
  description:
    'Training effect: the attendees’ KPI score over equal windows of whole months before and after the training, ' +
    'leaving its own months out. Averages count attendees measured in both windows.',
})
export class TrainingEffect extends TrainingPlanEffect {
  @Field(() => [String], { description: 'The months (YYYY-MM) before' })
  beforeMonths: string[];

  @Field(() => [String], { description: 'The months (YYYY-MM) after' })
  afterMonths: string[];

  @Field({ description: 'False while the after window is not over' })
  complete: boolean;

  @Field(() => [AttendeeEffect], { description: 'Per attendee: HR only (see the session’s attendees)' })
  attendees: AttendeeEffect[];
}

@ObjectType({ description: 'A training session of a plan' })
export class TrainingSession {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => TrainingKindEnum)
  kind: TrainingKind;

  @Field(() => GraphQLLocalDate)
  startsOn: string;

  @Field(() => GraphQLLocalDate)
  endsOn: string;

  @Field(() => String, { nullable: true })
  trainer: string | null;

  @Field(() => Int)
  capacity: number;

  @Field(() => Int)
  version: number;

  planId: string;
  departmentId: string;
  attendees: Trainee[];
}

@ObjectType({ description: 'One employee’s part in a session' })
export class EmployeeTraining extends Trainee {
  @Field(() => TrainingSession)
  session: TrainingSession;
}

@ObjectType({ description: 'A department’s annual training plan' })
export class TrainingPlan {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  year: number;

  @Field()
  title: string;

  @Field(() => [String])
  goals: string[];

  @Field(() => Int)
  version: number;

  departmentId: string;
}
