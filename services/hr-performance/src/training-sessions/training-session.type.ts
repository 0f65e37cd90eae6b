import { PRACTICAL_RESULTS, TRAINING_KINDS } from '@opsgraph/contracts-events';
import { graphqlEnumOf } from '@opsgraph/graphql-kit';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { PracticalResult, TrainingKind } from './training-session.entity';

export const TrainingKindEnum = graphqlEnumOf(
  TRAINING_KINDS,
  'TrainingKind',
  '內部培訓、外部培訓、在線學習、實踐操作 (P1 §六(二)1)',
  {
    INTERNAL: 'Internal training (內部培訓)',
    EXTERNAL: 'External training (外部培訓)',
    ONLINE: 'Online learning (在線學習)',
    PRACTICE: 'Hands-on practice (實踐操作)',
  },
);
export const PracticalResultEnum = graphqlEnumOf(
  PRACTICAL_RESULTS,
  'PracticalResult',
  'Practical assessment',
  {
    PASSED: 'Passed the practical assessment (earns a certificate)',
    FAILED: 'Did not pass the practical assessment',
  },
);

@ObjectType({ description: 'An enrolled employee: attendance, assessment and certificate' })
export class Trainee {
  @Field(() => ID, { description: 'The employee trained' })
  employeeId: string;

  @Field(() => Boolean, { nullable: true, description: 'null until attendance is recorded' })
  attended: boolean | null;

  @Field(() => Float, {
    description: 'Exam score 0–100 (60 or more passes); null when not assessed by exam',
    nullable: true,
  })
  examScore: number | null;

  @Field(() => PracticalResultEnum, {
    description: 'Practical assessment result; null when none',
    nullable: true,
  })
  practicalResult: PracticalResult | null;

  @Field(() => String, { description: 'Feedback recorded at assessment; null when none', nullable: true })
  feedback: string | null;

  @Field(() => String, {
    description: 'The certificate’s number; null until one is issued (only after a pass)',
    nullable: true,
  })
  certificateNumber: string | null;

  @Field(() => GraphQLLocalDate, {
    description: 'Day the certificate was issued (LocalDate); null without a certificate',
    nullable: true,
  })
  certificateIssuedOn: string | null;
}

@ObjectType({ description: 'An attendee’s KPI score (0–100) in the windows before and after the training' })
export class AttendeeEffect {
  @Field(() => ID, { description: 'The attendee' })
  employeeId: string;

  @Field(() => Float, {
    description:
      'The attendee’s mean monthly KPI score (0–100) in the window before the session; null when not measured',
    nullable: true,
  })
  before: number | null;

  @Field(() => Float, {
    description:
      'The attendee’s mean monthly KPI score (0–100) in the window after the session; null when not measured',
    nullable: true,
  })
  after: number | null;

  @Field(() => Float, {
    description: 'after − before in KPI points; null unless both windows were measured',
    nullable: true,
  })
  change: number | null;
}

@ObjectType({
  description: 'The attendees’ average KPI score before and after, over those measured in both windows',
})
export class TrainingPlanEffect {
  @Field(() => Int, { description: 'Attendees with a KPI score in both windows' })
  measured: number;

  @Field(() => Float, {
    description:
      'Mean KPI score (0–100) of the measured attendees in the window before; null when none was measured',
    nullable: true,
  })
  averageBefore: number | null;

  @Field(() => Float, {
    description:
      'Mean KPI score (0–100) of the measured attendees in the window after; null when none was measured',
    nullable: true,
  })
  averageAfter: number | null;

  @Field(() => Float, {
    description: 'averageAfter − averageBefore in KPI points; null when none was measured',
    nullable: true,
  })
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
  @Field(() => ID, { description: 'The session’s id' })
  id: string;

  @Field({ description: 'The session’s title' })
  title: string;

  @Field(() => TrainingKindEnum, { description: 'Internal, external, online or practice' })
  kind: TrainingKind;

  @Field(() => GraphQLLocalDate, { description: 'First day (LocalDate)' })
  startsOn: string;

  @Field(() => GraphQLLocalDate, { description: 'Last day (LocalDate)' })
  endsOn: string;

  @Field(() => String, { description: 'Who trains; null when not known', nullable: true })
  trainer: string | null;

  @Field(() => Int, { description: 'Most attendees' })
  capacity: number;

  @Field(() => Int, {
    description: 'Optimistic-lock version: pass it as expectedVersion to change the session',
  })
  version: number;

  planId: string;
  departmentId: string;
  attendees: Trainee[];
}

@ObjectType({ description: 'One employee’s part in a session' })
export class EmployeeTraining extends Trainee {
  @Field(() => TrainingSession, { description: 'The training session attended' })
  session: TrainingSession;
}

@ObjectType({ description: 'A department’s annual training plan' })
export class TrainingPlan {
  @Field(() => ID, { description: 'The plan’s id' })
  id: string;

  @Field(() => Int, { description: 'The calendar year the plan covers' })
  year: number;

  @Field({ description: 'The plan’s title' })
  title: string;

  @Field(() => [String], { description: 'What the plan aims at' })
  goals: string[];

  @Field(() => Int, { description: 'Optimistic-lock version: pass it as expectedVersion to change the plan' })
  version: number;

  departmentId: string;
}
