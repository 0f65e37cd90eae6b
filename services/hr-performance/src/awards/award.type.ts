import { ExpectedVersion, graphqlEnumOf, Text } from '@opsgraph/graphql-kit';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AWARD_KINDS, AWARD_STATUSES, type AwardKind, type AwardStatus } from './award.rules';

export const AwardKindEnum = graphqlEnumOf(AWARD_KINDS, 'AwardKind', '優秀員工獎、創新獎、團隊協作獎 …');
export const AwardStatusEnum = graphqlEnumOf(AWARD_STATUSES, 'AwardStatus', 'A nomination and its decision', {
  NOMINATED: 'Nominated, awaiting a decision',
  APPROVED: 'Awarded',
  REJECTED: 'Not awarded',
});

@ObjectType({ description: 'An award nomination and its decision' })
export class Award {
  @Field(() => ID)
  id: string;

  @Field(() => AwardKindEnum)
  kind: AwardKind;

  @Field({ description: 'YYYY, YYYY-Qn or YYYY-MM' })
  period: string;

  @Field()
  reason: string;

  @Field(() => AwardStatusEnum)
  status: AwardStatus;

  @Field(() => String, { nullable: true })
  decisionNote: string | null;

  @Field(() => Int)
  version: number;

  @Field()
  createdAt: Date;
}

@InputType()
export class NominateForAwardInput {
  @Field(() => ID)
  employeeId: string;

  @Field(() => AwardKindEnum)
  kind: AwardKind;

  @Field()
  period: string;

  @Field()
  @Text({ max: 2000 })
  reason: string;
}

@InputType()
export class DecideAwardInput {
  @Field(() => ID)
  awardId: string;

  @ExpectedVersion()
  expectedVersion: number;

  @Field({ description: 'true: approved; false: rejected' })
  approve: boolean;

  @Field(() => String, { nullable: true })
  @Text({ max: 2000, optional: true })
  note?: string | null;
}
