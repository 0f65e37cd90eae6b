import type { IncidentSeverity, RiskCategory } from '@opsgraph/contracts-events';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { IncidentSeverityEnum, RiskCategoryEnum } from '../common/enums';

@ObjectType({ description: 'One response step of a plan version' })
export class PlanStep {
  @Field(() => Int, { description: '1, 2, … in the order the steps are taken' })
  position: number;

  @Field({ description: 'What to do' })
  action: string;

  @Field({ description: 'The command role that owns the step' })
  ownerRole: string;

  @Field(() => Int, { description: 'Target time from activation, in minutes' })
  targetMinutes: number;
}

@ObjectType({ description: 'Someone to call when the plan runs' })
export class PlanContact {
  @Field({ description: 'The contact’s name' })
  name: string;

  @Field({ description: 'What the contact is called for, e.g. Power supplier' })
  role: string;

  @Field(() => String, { description: 'The contact’s phone; null when not given', nullable: true })
  phone: string | null;
}

@ObjectType({ description: 'One version of a contingency plan; never changed once written' })
export class PlanVersion {
  @Field(() => ID, { description: 'The plan it is a version of' })
  planId: string;

  @Field(() => Int, { description: 'The version number, from 1' })
  planVersion: number;

  @Field({ description: 'The plan’s title in this version' })
  title: string;

  @Field(() => [String], { description: 'The roles of the command organisation' })
  commandRoles: string[];

  @Field(() => [PlanStep], { description: 'Ordered response steps' })
  steps: PlanStep[];

  @Field(() => [String], { description: 'Resources to have at hand' })
  resources: string[];

  @Field(() => [PlanContact], { description: 'People to call' })
  contacts: PlanContact[];

  @Field({ description: 'Why this version was written' })
  changeNote: string;

  @Field({ description: 'When this version was written (DateTime, UTC); a version never changes' })
  createdAt: Date;

  @Field({ description: 'The user who wrote it' })
  createdBy: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A contingency plan (預案) for one risk category and severity, versioned' })
export class ContingencyPlan {
  @Field(() => ID, { description: 'The plan’s id' })
  id: string;

  @Field(() => RiskCategoryEnum, { description: 'The risk category the plan responds to' })
  category: RiskCategory;

  @Field(() => IncidentSeverityEnum, {
    description: 'The severity the plan is for; one plan per category and severity',
  })
  severity: IncidentSeverity;

  @Field(() => Int, { description: 'The version new incidents run unless they name another' })
  currentVersion: number;

  @Field(() => Int, { description: 'Counts the plan’s changes (optimistic lock)' })
  version: number;

  @Field({ description: 'When the plan was created (DateTime, UTC)' })
  createdAt: Date;

  @Field({ description: 'When the plan last got a new version (DateTime, UTC)' })
  updatedAt: Date;
}
