import { graphqlEnumOf, Text } from '@opsgraph/graphql-kit';
import { ValidateNested } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AssetCategory } from '../assets/asset.type';
import type { AssetCategoryValue } from '../assets/asset-category.rules';
import { INTERVAL_UNITS, type IntervalUnit } from './maintenance-schedule.rules';

export const MaintenanceIntervalUnit = graphqlEnumOf(
  INTERVAL_UNITS,
  'MaintenanceIntervalUnit',
  'The unit of a maintenance interval',
  {
    DAYS: 'Calendar days',
    WEEKS: 'Calendar weeks',
    MONTHS: 'Calendar months',
    OPERATING_HOURS: 'Hours of operation (meter readings)',
  },
);

@ObjectType({ description: 'A recurring maintenance plan (one asset, or a category and/or model)' })
export class MaintenancePlan {
  @Field(() => ID, { description: 'The plan’s id' })
  id: string;

  @Field(() => ID, {
    description: 'The one asset the plan covers; null for a plan by category and/or model',
    nullable: true,
  })
  assetId: string | null;

  @Field(() => AssetCategory, {
    description: 'The category the plan covers; null when it covers one asset or a model across categories',
    nullable: true,
  })
  category: AssetCategoryValue | null;

  @Field(() => String, { description: 'The model the plan covers; null for any model', nullable: true })
  model: string | null;

  @Field({ description: 'What the plan does' })
  title: string;

  @Field(() => MaintenanceIntervalUnit, { description: 'Unit of the interval' })
  intervalUnit: IntervalUnit;

  @Field(() => Int, { description: 'How many intervalUnits between two jobs' })
  intervalValue: number;

  @Field(() => Int, { description: 'Assets it covered when created' })
  coveredAssets: number;
}

@ObjectType({ description: 'Where a plan stands for one asset' })
export class MaintenanceScheduleEntry {
  @Field(() => ID, { description: 'The plan' })
  planId: string;

  @Field({ description: 'The plan’s title' })
  title: string;

  @Field(() => MaintenanceIntervalUnit, { description: 'Unit of the plan’s interval' })
  intervalUnit: IntervalUnit;

  @Field(() => Int, { description: 'The plan’s interval, in intervalUnits' })
  intervalValue: number;

  @Field(() => GraphQLLocalDate, {
    description: 'Day the plan was last done for this asset (LocalDate); null if never',
    nullable: true,
  })
  lastDoneOn: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Calendar plans' })
  dueOn: string | null;

  @Field(() => Float, { nullable: true, description: 'Operating-hour plans: the meter reading it is due at' })
  dueAtHours: number | null;

  @Field({ description: 'true from the day after the due day until the job is done' })
  overdue: boolean;
}

@ObjectType({ description: 'A part used in a maintenance job' })
export class MaintenancePart {
  @Field({ description: 'The part’s name' })
  name: string;

  @Field(() => Int, { description: 'How many were used' })
  quantity: number;

  @Field(() => Float, { description: 'Cost of one, in the asset’s currency' })
  unitCost: number;
}

@ObjectType({ description: 'A maintenance job: what, by whom, parts, cost and downtime' })
export class MaintenanceRecordType {
  @Field(() => ID, { description: 'The record’s id' })
  id: string;

  @Field(() => ID, { description: 'The asset maintained' })
  assetId: string;

  @Field(() => ID, {
    description: 'The maintenance plan it fulfils; null for unplanned work',
    nullable: true,
  })
  planId: string | null;

  @Field({ description: 'What was done' })
  description: string;

  @Field(() => ID, { nullable: true, description: 'The employee who did it' })
  performedBy: string | null;

  @Field(() => [MaintenancePart], { description: 'Parts used' })
  parts: MaintenancePart[];

  @Field(() => Float, { description: 'Total cost of the job (parts included), in the asset’s currency' })
  cost: number;

  @Field({ description: 'When the job started (DateTime, UTC)' })
  startedAt: Date;

  @Field(() => Date, {
    description: 'When the job was completed (DateTime, UTC); null while it runs',
    nullable: true,
  })
  completedAt: Date | null;

  @Field(() => Int, {
    description: 'Minutes the asset was out of service for the job; null while it runs',
    nullable: true,
  })
  downtimeMinutes: number | null;
}

@InputType({
  description:
    'Creates a maintenance plan for one asset, or for every asset of a category and/or model, including ones registered later (ADMIN, OPS_DIRECTOR, OPS_MANAGER)',
})
export class CreateMaintenancePlanInput {
  @Field(() => ID, { nullable: true, description: 'Either one asset…' })
  assetId?: string | null;

  @Field(() => AssetCategory, { nullable: true, description: '…or every asset of a category and/or model' })
  category?: AssetCategoryValue | null;

  @Field(() => String, {
    description: 'Only assets of this model (with or without category); null for any model',
    nullable: true,
  })
  @Text({ max: 200, optional: true })
  model?: string | null;

  @Field({ description: 'What the plan does, 1–200 characters, e.g. Quarterly UPS battery check' })
  @Text({ max: 200 })
  title: string;

  @Field(() => MaintenanceIntervalUnit, {
    description:
      'Unit of the interval: days, weeks, months (from the last time done) or operating hours (from the meter)',
  })
  intervalUnit: IntervalUnit;

  @Field(() => Int, { description: 'How many intervalUnits between two jobs, at least 1' })
  intervalValue: number;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'The first interval counts from it; default today',
  })
  startOn?: string | null;
}

@InputType({
  description:
    'Starts a maintenance job: the asset goes UNDER_MAINTENANCE until completeMaintenance (TECHNICIAN or managers). Answers INVALID_TRANSITION when the asset’s status does not allow it',
})
export class StartMaintenanceInput {
  @Field(() => ID, { description: 'The asset' })
  assetId: string;

  @Field(() => ID, {
    description: 'The maintenance plan it fulfils; null for unplanned work',
    nullable: true,
  })
  planId?: string | null;

  @Field({ description: 'What is to be done, 1–2000 characters' })
  @Text({ max: 2000 })
  description: string;
}

@InputType({ description: 'A part used in a maintenance job' })
export class PartInput {
  @Field({ description: 'The part’s name, 1–200 characters' })
  @Text({ max: 200 })
  name: string;

  @Field(() => Int, { description: 'How many were used, at least 1' })
  quantity: number;

  @Field(() => Float, { description: 'Cost of one, in the asset’s currency, not negative' })
  unitCost: number;
}

@InputType({ description: 'What a completed maintenance job records' })
class CompletionFields {
  @Field(() => ID, { nullable: true, description: 'The employee who did it' })
  performedBy?: string | null;

  @Field(() => [PartInput], { description: 'Parts used; their cost adds to the job’s cost', nullable: true })
  @ValidateNested({ each: true })
  parts?: PartInput[] | null;

  @Field(() => Float, { nullable: true, description: 'Default: the parts’ cost' })
  cost?: number | null;
}

@InputType({
  description:
    'Completes a maintenance job started with startMaintenance (TECHNICIAN or managers); the asset returns to IN_USE unless a fault is open',
})
export class CompleteMaintenanceInput extends CompletionFields {
  @Field(() => ID, { description: 'The maintenance record of the running job' })
  recordId: string;
}

@InputType({ description: 'A job done in the past (an import); the asset’s status stays' })
export class RecordMaintenanceInput extends CompletionFields {
  @Field(() => ID, { description: 'The asset maintained' })
  assetId: string;

  @Field(() => ID, {
    description: 'The maintenance plan it fulfils (its next due date moves on); null for unplanned work',
    nullable: true,
  })
  planId?: string | null;

  @Field({ description: 'What was done, 1–2000 characters' })
  @Text({ max: 2000 })
  description: string;

  @Field({ description: 'When the job started (DateTime, UTC, not in the future)' })
  startedAt: Date;

  @Field({ description: 'When the job ended (DateTime, UTC, not in the future, not before startedAt)' })
  completedAt: Date;
}
