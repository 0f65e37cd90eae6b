import { ExpectedVersion, graphqlEnumOf, Text } from '@opsgraph/graphql-kit';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AWARD_KINDS, AWARD_STATUSES, type AwardKind, type AwardStatus } from './award.rules';

export const AwardKindEnum = graphqlEnumOf(AWARD_KINDS, 'AwardKind', '優秀員工獎、創新獎、團隊協作獎 …', {
  EXCELLENT_EMPLOYEE: 'Excellent employee award (優秀員工獎)',
  INNOVATION: 'Innovation award (創新獎)',
  TEAMWORK: 'Teamwork award (團隊協作獎)',
  SERVICE_STAR: 'Service star: outstanding customer service',
  CUSTOMER_PRAISE: 'Recognition of praise received from customers (表揚)',
});
export const AwardStatusEnum = graphqlEnumOf(AWARD_STATUSES, 'AwardStatus', 'A nomination and its decision', {
  NOMINATED: 'Nominated, awaiting a decision',
  APPROVED: 'Awarded',
  REJECTED: 'Not awarded',
});

@ObjectType({ description: 'An award nomination and its decision' })
export class Award {
  @Field(() => ID, { description: 'The award’s id' })
  id: string;

  @Field(() => AwardKindEnum, { description: 'Which award the employee was nominated for' })
  kind: AwardKind;

  @Field({ description: 'YYYY, YYYY-Qn or YYYY-MM' })
  period: string;

  @Field({ description: 'Why the employee was nominated' })
  reason: string;

  @Field(() => AwardStatusEnum, {
    description: 'NOMINATED until HR or the director decide once: APPROVED or REJECTED',
  })
  status: AwardStatus;

  @Field(() => String, {
    description: 'The decider’s note; null while NOMINATED or when none was given',
    nullable: true,
  })
  decisionNote: string | null;

  @Field(() => Int, {
    description: 'Optimistic-lock version: pass it as expectedVersion to decide the award',
  })
  version: number;

  @Field({ description: 'When the nomination was made (DateTime, UTC)' })
  createdAt: Date;
}

@InputType({
  description:
    'Nominates an employee for an award (the employee’s managers or HR), at most once per employee, kind and period (a second is a CONFLICT). Answers BAD_USER_INPUT with field for an unknown employee or a malformed period',
})
export class NominateForAwardInput {
  @Field(() => ID, { description: 'The employee nominated' })
  employeeId: string;

  @Field(() => AwardKindEnum, { description: 'The award' })
  kind: AwardKind;

  @Field({ description: 'The period the award is for: YYYY, YYYY-Qn or YYYY-MM' })
  period: string;

  @Field({ description: 'Why, 1–2000 characters' })
  @Text({ max: 2000 })
  reason: string;
}

@InputType({
  description:
    'Approves or rejects a nomination, once (ADMIN, HR or OPS_DIRECTOR). Answers INVALID_TRANSITION when already decided, CONFLICT for a stale expectedVersion',
})
export class DecideAwardInput {
  @Field(() => ID, { description: 'The nomination to decide' })
  awardId: string;

  @ExpectedVersion()
  expectedVersion: number;

  @Field({ description: 'true: approved; false: rejected' })
  approve: boolean;

  @Field(() => String, { description: 'Why it was decided so, up to 2000 characters', nullable: true })
  @Text({ max: 2000, optional: true })
  note?: string | null;
}
