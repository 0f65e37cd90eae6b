import { Text } from '@opsgraph/graphql-kit';
import { ArrayMaxSize, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { ActionItemStatus } from '../incidents/incident.rules';
import {
  ActionItemsField,
  ActionItemStatusEnum,
  PlanVersionField,
  type ActionItemInput,
} from '../common/follow-ups';

@InputType()
export class DrillTimelineEntryInput {
  @Field()
  at: Date;

  @Field()
  @Text({ max: 2000 })
  note: string;
}

@InputType({ description: 'A drill that was held, with what was seen and the follow-ups owed' })
export class RecordDrillInput {
  @Field()
  @Text({ max: 200 })
  title: string;

  @Field()
  @Text({ max: 5000 })
  scenario: string;

  @Field(() => ID)
  planId: string;

  @PlanVersionField()
  planVersion?: number | null;

  @Field()
  heldAt: Date;

  @Field(() => [ID])
  @ArrayMaxSize(500)
  participantIds: string[];

  @Field(() => [DrillTimelineEntryInput], { nullable: true })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  timeline?: DrillTimelineEntryInput[] | null;

  @Field()
  @Text({ max: 10000 })
  findings: string;

  @ActionItemsField()
  followUps?: ActionItemInput[] | null;
}

@InputType()
export class UpdateDrillFollowUpInput {
  @Field(() => ID)
  drillId: string;

  @Field(() => ID)
  followUpId: string;

  @Field(() => ActionItemStatusEnum)
  status: ActionItemStatus;
}
