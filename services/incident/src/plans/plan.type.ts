import type { IncidentSeverity, RiskCategory } from '@opsgraph/contracts-events';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { IncidentSeverityEnum, RiskCategoryEnum } from '../common/enums';

@ObjectType({ description: 'One response step of a plan version' })
export class PlanStep {
  @Field(() => Int, { description: '1, 2, … in the order the steps are taken' })
  position: number;

  @Field()
  action: string;

  @Field({ description: 'The command role that owns the step' })
  ownerRole: string;

  @Field(() => Int, { description: 'Target time from activation, in minutes' })
  targetMinutes: number;
}

@ObjectType({ description: 'Someone to call when the plan runs' })
export class PlanContact {
  @Field()
  name: string;

  @Field()
  role: string;

  @Field(() => String, { nullable: true })
  phone: string | null;
}

@ObjectType({ description: 'One version of a contingency plan; never changed once written' })
export class PlanVersion {
  @Field(() => ID)
  planId: string;

  @Field(() => Int)
  planVersion: number;

  @Field()
  title: string;

  @Field(() => [String])
  commandRoles: string[];

  @Field(() => [PlanStep])
  steps: PlanStep[];

  @Field(() => [String])
  resources: string[];

  @Field(() => [PlanContact])
  contacts: PlanContact[];

  @Field({ description: 'Why this version was written' })
  changeNote: string;

  @Field()
  createdAt: Date;

  @Field({ description: 'The user who wrote it' })
  createdBy: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A contingency plan (預案) for one risk category and severity, versioned' })
export class ContingencyPlan {
  @Field(() => ID)
  id: string;

  @Field(() => RiskCategoryEnum)
  category: RiskCategory;

  @Field(() => IncidentSeverityEnum)
  severity: IncidentSeverity;

  @Field(() => Int, { description: 'The version new incidents run unless they name another' })
  currentVersion: number;

  @Field(() => Int, { description: 'Counts the plan’s changes (optimistic lock)' })
  version: number;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}
