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

@InputType({ description: 'One moment of a drill’s timeline' })
export class DrillTimelineEntryInput {
  @Field({ description: 'When (DateTime, UTC)' })
  at: Date;

  @Field({ description: 'What happened, 1–2000 characters' })
  @Text({ max: 2000 })
  note: string;
}

@InputType({ description: 'A drill that was held, with what was seen and the follow-ups owed' })
export class RecordDrillInput {
  @Field({ description: 'Title, 1–200 characters' })
  @Text({ max: 200 })
  title: string;

  @Field({ description: 'The scenario played, 1–5000 characters' })
  @Text({ max: 5000 })
  scenario: string;

  @Field(() => ID, { description: 'The contingency plan rehearsed' })
  planId: string;

  @PlanVersionField()
  planVersion?: number | null;

  @Field({ description: 'When it was held (DateTime, UTC, not in the future)' })
  heldAt: Date;

  @Field(() => [ID], { description: 'Employees who took part, up to 500' })
  @ArrayMaxSize(500)
  participantIds: string[];

  @Field(() => [DrillTimelineEntryInput], {
    description: 'What happened, in order, up to 200 entries',
    nullable: true,
  })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  timeline?: DrillTimelineEntryInput[] | null;

  @Field({ description: 'What the drill showed, 1–10000 characters' })
  @Text({ max: 10000 })
  findings: string;

  @ActionItemsField('Follow-up actions, up to 100, each with an owner and a due day')
  followUps?: ActionItemInput[] | null;
}

@InputType({ description: 'Moves a drill follow-up to OPEN, IN_PROGRESS or DONE (its owner or a manager)' })
export class UpdateDrillFollowUpInput {
  @Field(() => ID, { description: 'The drill' })
  drillId: string;

  @Field(() => ID, { description: 'The follow-up' })
  followUpId: string;

  @Field(() => ActionItemStatusEnum, { description: 'The new status' })
  status: ActionItemStatus;
}
