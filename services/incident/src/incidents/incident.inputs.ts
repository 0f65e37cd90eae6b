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
  @Field({ description: 'Short title, 1–200 characters' })
  @Text({ max: 200 })
  title: string;

  @Field({ description: 'What happened' })
  @Text({ max: 5000 })
  nature: string;

  @Field(() => String, { description: 'Where it happened, up to 500 characters', nullable: true })
  @Text({ max: 500, optional: true })
  location?: string | null;

  @Field(() => RiskCategoryEnum, { description: 'The risk category it belongs to' })
  category: RiskCategory;

  @Field(() => IncidentSeverityEnum, { description: 'SEV1 (worst) to SEV4' })
  severity: IncidentSeverity;

  @Field({ description: 'When it occurred (DateTime, UTC, not in the future)' })
  occurredAt: Date;

  @Field(() => Date, { nullable: true, description: 'Default: now' })
  detectedAt?: Date | null;

  @Field(() => [ID], {
    description:
      'Customers affected; their open tickets are linked on activation and each key account gets a ticket',
    nullable: true,
  })
  @ArrayMaxSize(MAX_AFFECTED)
  affectedCustomerIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Those of affectedCustomerIds that are key accounts' })
  @ArrayMaxSize(MAX_AFFECTED)
  keyAccountIds?: string[] | null;

  @Field(() => [ID], {
    description: 'Assets affected; their open tickets are linked on activation',
    nullable: true,
  })
  @ArrayMaxSize(MAX_AFFECTED)
  affectedAssetIds?: string[] | null;

  @Field(() => [String], { description: 'Services affected, in words, up to 100', nullable: true })
  @TextItems(100, 200)
  affectedServices?: string[] | null;
}

@InputType({ description: 'A person named for one of the plan version’s command roles' })
export class CommandRoleInput {
  @Field({ description: 'The command role, as the plan version names it, e.g. Communications lead' })
  @Text({ max: 100 })
  role: string;

  @Field(() => ID, { description: 'The employee who takes the role' })
  employeeId: string;
}

@InputType('IncidentRefFields')
export abstract class IncidentRefFields {
  @Field(() => ID, { description: 'The incident' })
  incidentId: string;

  @ExpectedVersion('The incident’s version as last read')
  expectedVersion: number;
}

@InputType({ description: 'A step of the lifecycle, with an optional note for the timeline' })
export class IncidentStepInput extends IncidentRefFields {
  @Field(() => String, { description: 'A note for the timeline, up to 5000 characters', nullable: true })
  @Text({ max: 5000, optional: true })
  note?: string | null;
}

@InputType({ description: 'Activates a plan version for a REPORTED incident (P0 §六(二)2 應急啟動)' })
export class ActivateIncidentInput extends IncidentStepInput {
  @Field(() => ID, { description: 'The contingency plan to run; it must be of the incident’s category' })
  planId: string;

  @PlanVersionField()
  planVersion?: number | null;

  @Field(() => ID, { description: 'The employee who commands the response' })
  commanderId: string;

  @Field(() => [CommandRoleInput], { nullable: true, description: 'Role names from the plan version' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  roles?: CommandRoleInput[] | null;
}

@InputType({ description: 'The post-incident review of a RESOLVED incident; replaces an earlier draft' })
export class RecordIncidentReviewInput extends IncidentRefFields {
  @Field({ description: 'The root cause, 1–5000 characters' })
  @Text({ max: 5000 })
  rootCause: string;

  @Field({ description: 'Lessons learned, 1–10000 characters' })
  @Text({ max: 10000 })
  lessons: string;

  @ActionItemsField('Action items, up to 100, each with an owner and a due day')
  actionItems?: ActionItemInput[] | null;
}

@InputType({
  description:
    'Moves a RESOLVED incident with a recorded review to REVIEWED, its final status (the commander, a command-role holder or a manager). Answers INVALID_TRANSITION without a review, CONFLICT for a stale expectedVersion',
})
export class CompleteIncidentReviewInput extends IncidentRefFields {}

@InputType({ description: 'A note on the timeline' })
export class AddIncidentNoteInput {
  @Field(() => ID, { description: 'The incident (not yet REVIEWED)' })
  incidentId: string;

  @Field({ description: 'The note, 1–5000 characters; becomes a timeline entry' })
  @Text({ max: 5000 })
  note: string;
}

@InputType({
  description:
    'Moves an incident action item to OPEN, IN_PROGRESS or DONE (its owner or a manager); a timeline entry',
})
export class UpdateIncidentActionItemInput {
  @Field(() => ID, { description: 'The action item' })
  actionItemId: string;

  @Field(() => ActionItemStatusEnum, { description: 'The new status' })
  status: ActionItemStatus;
}

@ArgsType()
export class IncidentsArgs extends ConnectionArgs {
  @Field(() => IncidentStatusEnum, { description: 'Only incidents in this status', nullable: true })
  status?: IncidentStatus | null;

  @Field(() => RiskCategoryEnum, { description: 'Only incidents of this category', nullable: true })
  category?: RiskCategory | null;
}
