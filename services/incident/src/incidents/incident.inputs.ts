import type { IncidentSeverity, IncidentStatus, RiskCategory } from '@opsgraph/contracts-events';
import { ConnectionArgs, ExpectedVersion, Text } from '@opsgraph/graphql-kit';
import { ArrayMaxSize, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { TextItems } from '../common/text-items';
import { IncidentSeverityEnum, IncidentStatusEnum, RiskCategoryEnum } from '../common/enums';
import type { ActionItemStatus } from './incident.rules';
import {
  ActionItemInput,
  ActionItemsField,
  ActionItemStatusEnum,
  PlanVersionField,
} from '../common/follow-ups';

const MAX_AFFECTED = 500;

@InputType({
  description: 'What is known when an incident is reported (P0 §六(二)1: time, place, nature, scope)',
})
export class ReportIncidentInput {
  @Field()
  @Text({ max: 200 })
  title: string;

  @Field({ description: 'What happened' })
  @Text({ max: 5000 })
  nature: string;

  @Field(() => String, { nullable: true })
  @Text({ max: 500, optional: true })
  location?: string | null;

  @Field(() => RiskCategoryEnum)
  category: RiskCategory;

  @Field(() => IncidentSeverityEnum)
  severity: IncidentSeverity;

  @Field()
  occurredAt: Date;

  @Field(() => Date, { nullable: true, description: 'Default: now' })
  detectedAt?: Date | null;

  @Field(() => [ID], { nullable: true })
  @ArrayMaxSize(MAX_AFFECTED)
  affectedCustomerIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Those of affectedCustomerIds that are key accounts' })
  @ArrayMaxSize(MAX_AFFECTED)
  keyAccountIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  @ArrayMaxSize(MAX_AFFECTED)
  affectedAssetIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  @TextItems(100, 200)
  affectedServices?: string[] | null;
}

@InputType()
export class CommandRoleInput {
  @Field()
  @Text({ max: 100 })
  role: string;

  @Field(() => ID)
  employeeId: string;
}

@InputType('IncidentRefFields')
export abstract class IncidentRefFields {
  @Field(() => ID)
  incidentId: string;

  @ExpectedVersion('The incident’s version as last read')
  expectedVersion: number;
}

@InputType({ description: 'A step of the lifecycle, with an optional note for the timeline' })
export class IncidentStepInput extends IncidentRefFields {
  @Field(() => String, { nullable: true })
  @Text({ max: 5000, optional: true })
  note?: string | null;
}

@InputType({ description: 'Activates a plan version for a REPORTED incident (P0 §六(二)2 應急啟動)' })
export class ActivateIncidentInput extends IncidentStepInput {
  @Field(() => ID)
  planId: string;

  @PlanVersionField()
  planVersion?: number | null;

  @Field(() => ID)
  commanderId: string;

  @Field(() => [CommandRoleInput], { nullable: true, description: 'Role names from the plan version' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  roles?: CommandRoleInput[] | null;
}

@InputType({ description: 'The post-incident review of a RESOLVED incident; replaces an earlier draft' })
export class RecordIncidentReviewInput extends IncidentRefFields {
  @Field()
  @Text({ max: 5000 })
  rootCause: string;

  @Field()
  @Text({ max: 10000 })
  lessons: string;

  @ActionItemsField()
  actionItems?: ActionItemInput[] | null;
}

@InputType()
export class CompleteIncidentReviewInput extends IncidentRefFields {}

@InputType({ description: 'A note on the timeline' })
export class AddIncidentNoteInput {
  @Field(() => ID)
  incidentId: string;

  @Field()
  @Text({ max: 5000 })
  note: string;
}

@InputType()
export class UpdateIncidentActionItemInput {
  @Field(() => ID)
  actionItemId: string;

  @Field(() => ActionItemStatusEnum)
  status: ActionItemStatus;
}

@ArgsType()
export class IncidentsArgs extends ConnectionArgs {
  @Field(() => IncidentStatusEnum, { nullable: true })
  status?: IncidentStatus | null;

  @Field(() => RiskCategoryEnum, { nullable: true })
  category?: RiskCategory | null;
}
