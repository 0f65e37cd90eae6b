import type { IncidentSeverity, RiskCategory } from '@opsgraph/contracts-events';
import { ExpectedVersion, Text } from '@opsgraph/graphql-kit';
import { ArrayMaxSize, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { TextItems } from '../common/text-items';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { IncidentSeverityEnum, RiskCategoryEnum } from '../common/enums';
import { MAX_TARGET_MINUTES } from './plan.rules';

@InputType({ description: 'One response step of a plan' })
export class PlanStepInput {
  @Field({ description: 'What to do, 1–500 characters' })
  @Text({ max: 500 })
  action: string;

  @Field({ description: 'The command role that owns it; one of the plan’s commandRoles' })
  @Text({ max: 100 })
  ownerRole: string;

  @Field(() => Int, { description: 'Target time in minutes from activation, at least 1' })
  @IsInt()
  @Min(1)
  @Max(MAX_TARGET_MINUTES)
  targetMinutes: number;
}

@InputType({ description: 'A person to call during the response' })
export class PlanContactInput {
  @Field({ description: 'Name, 1–200 characters' })
  @Text({ max: 200 })
  name: string;

  @Field({ description: 'What they are called for, 1–100 characters' })
  @Text({ max: 100 })
  role: string;

  @Field(() => String, { description: 'Phone, up to 50 characters', nullable: true })
  @Text({ max: 50, optional: true })
  phone?: string | null;
}

@InputType('PlanContentFields')
export abstract class PlanContentFields {
  @Field({ description: 'The plan’s title, 1–200 characters' })
  @Text({ max: 200 })
  title: string;

  @Field(() => [String], {
    description: 'The roles of the command organisation, 1–30 names of up to 100 characters',
  })
  @TextItems(30, 100)
  commandRoles: string[];

  @Field(() => [PlanStepInput], { description: 'Ordered response steps, up to 100' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  steps: PlanStepInput[];

  @Field(() => [String], {
    description: 'Resources to have at hand, up to 100 lines of up to 200 characters',
    nullable: true,
  })
  @TextItems(100, 200)
  resources?: string[] | null;

  @Field(() => [PlanContactInput], { description: 'People to call, up to 50', nullable: true })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  contacts?: PlanContactInput[] | null;
}

@InputType({ description: 'A new plan for a category and severity; its content is version 1' })
export class CreateContingencyPlanInput extends PlanContentFields {
  @Field(() => RiskCategoryEnum, { description: 'The risk category it responds to' })
  category: RiskCategory;

  @Field(() => IncidentSeverityEnum, {
    description: 'The severity it is for; a second plan for the same category and severity is a CONFLICT',
  })
  severity: IncidentSeverity;
}

@InputType({ description: 'The plan’s next version (the earlier ones stay as they were)' })
export class ReviseContingencyPlanInput extends PlanContentFields {
  @Field(() => ID, { description: 'The plan to revise; the new version becomes current' })
  planId: string;

  @ExpectedVersion('The plan’s version as last read')
  expectedVersion: number;

  @Field({ description: 'What changed and why, 1–1000 characters' })
  @Text({ max: 1000 })
  changeNote: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The drill of this plan whose findings prompted the revision',
  })
  drillId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The incident that ran this plan and whose review prompted it',
  })
  incidentId?: string | null;
}

@ArgsType()
export class ContingencyPlansArgs {
  @Field(() => RiskCategoryEnum, { description: 'Only plans of this category', nullable: true })
  category?: RiskCategory | null;

  @Field(() => IncidentSeverityEnum, { description: 'Only plans for this severity', nullable: true })
  severity?: IncidentSeverity | null;
}
