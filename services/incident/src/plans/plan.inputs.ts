import type { IncidentSeverity, RiskCategory } from '@opsgraph/contracts-events';
import { ExpectedVersion, Text } from '@opsgraph/graphql-kit';
import { ArrayMaxSize, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { TextItems } from '../common/text-items';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { IncidentSeverityEnum, RiskCategoryEnum } from '../common/enums';
import { MAX_TARGET_MINUTES } from './plan.rules';

@InputType()
export class PlanStepInput {
  @Field()
  @Text({ max: 500 })
  action: string;

  @Field()
  @Text({ max: 100 })
  ownerRole: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(MAX_TARGET_MINUTES)
  targetMinutes: number;
}

@InputType()
export class PlanContactInput {
  @Field()
  @Text({ max: 200 })
  name: string;

  @Field()
  @Text({ max: 100 })
  role: string;

  @Field(() => String, { nullable: true })
  @Text({ max: 50, optional: true })
  phone?: string | null;
}

@InputType('PlanContentFields')
export abstract class PlanContentFields {
  @Field()
  @Text({ max: 200 })
  title: string;

  @Field(() => [String])
  @TextItems(30, 100)
  commandRoles: string[];

  @Field(() => [PlanStepInput])
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  steps: PlanStepInput[];

  @Field(() => [String], { nullable: true })
  @TextItems(100, 200)
  resources?: string[] | null;

  @Field(() => [PlanContactInput], { nullable: true })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  contacts?: PlanContactInput[] | null;
}

@InputType({ description: 'A new plan for a category and severity; its content is version 1' })
export class CreateContingencyPlanInput extends PlanContentFields {
  @Field(() => RiskCategoryEnum)
  category: RiskCategory;

  @Field(() => IncidentSeverityEnum)
  severity: IncidentSeverity;
}

@InputType({ description: 'The plan’s next version (the earlier ones stay as they were)' })
export class ReviseContingencyPlanInput extends PlanContentFields {
  @Field(() => ID)
  planId: string;

  @ExpectedVersion('The plan’s version as last read')
  expectedVersion: number;

  @Field()
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
  @Field(() => RiskCategoryEnum, { nullable: true })
  category?: RiskCategory | null;

  @Field(() => IncidentSeverityEnum, { nullable: true })
  severity?: IncidentSeverity | null;
}
