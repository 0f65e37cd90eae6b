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
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true })
  assetId: string | null;

  @Field(() => AssetCategory, { nullable: true })
  category: AssetCategoryValue | null;

  @Field(() => String, { nullable: true })
  model: string | null;

  @Field()
  title: string;

  @Field(() => MaintenanceIntervalUnit)
  intervalUnit: IntervalUnit;

  @Field(() => Int)
  intervalValue: number;

  @Field(() => Int, { description: 'Assets it covered when created' })
  coveredAssets: number;
}

@ObjectType({ description: 'Where a plan stands for one asset' })
export class MaintenanceScheduleEntry {
  @Field(() => ID)
  planId: string;

  @Field()
  title: string;

  @Field(() => MaintenanceIntervalUnit)
  intervalUnit: IntervalUnit;

  @Field(() => Int)
  intervalValue: number;

  @Field(() => GraphQLLocalDate, { nullable: true })
  lastDoneOn: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Calendar plans' })
  dueOn: string | null;

  @Field(() => Float, { nullable: true, description: 'Operating-hour plans: the meter reading it is due at' })
  dueAtHours: number | null;

  @Field()
  overdue: boolean;
}

@ObjectType()
export class MaintenancePart {
  @Field()
  name: string;

  @Field(() => Int)
  quantity: number;

  @Field(() => Float)
  unitCost: number;
}

@ObjectType({ description: 'A maintenance job: what, by whom, parts, cost and downtime' })
export class MaintenanceRecordType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  assetId: string;

  @Field(() => ID, { nullable: true })
  planId: string | null;

  @Field()
  description: string;

  @Field(() => ID, { nullable: true, description: 'The employee who did it' })
  performedBy: string | null;

  @Field(() => [MaintenancePart])
  parts: MaintenancePart[];

  @Field(() => Float)
  cost: number;

  @Field()
  startedAt: Date;

  @Field(() => Date, { nullable: true })
  completedAt: Date | null;

  @Field(() => Int, { nullable: true })
  downtimeMinutes: number | null;
}

@InputType()
export class CreateMaintenancePlanInput {
  @Field(() => ID, { nullable: true, description: 'Either one asset…' })
  assetId?: string | null;

  @Field(() => AssetCategory, { nullable: true, description: '…or every asset of a category and/or model' })
  category?: AssetCategoryValue | null;

  @Field(() => String, { nullable: true })
  @Text({ max: 200, optional: true })
  model?: string | null;

  @Field()
  @Text({ max: 200 })
  title: string;

  @Field(() => MaintenanceIntervalUnit)
  intervalUnit: IntervalUnit;

  @Field(() => Int)
  intervalValue: number;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'The first interval counts from it; default today',
  })
  startOn?: string | null;
}

@InputType()
export class StartMaintenanceInput {
  @Field(() => ID)
  assetId: string;

  @Field(() => ID, { nullable: true })
  planId?: string | null;

  @Field()
  @Text({ max: 2000 })
  description: string;
}

@InputType()
export class PartInput {
  @Field()
  @Text({ max: 200 })
  name: string;

  @Field(() => Int)
  quantity: number;

  @Field(() => Float)
  unitCost: number;
}

@InputType({ description: 'What a completed maintenance job records' })
class CompletionFields {
  @Field(() => ID, { nullable: true, description: 'The employee who did it' })
  performedBy?: string | null;

  @Field(() => [PartInput], { nullable: true })
  @ValidateNested({ each: true })
  parts?: PartInput[] | null;

  @Field(() => Float, { nullable: true, description: 'Default: the parts’ cost' })
  cost?: number | null;
}

@InputType()
export class CompleteMaintenanceInput extends CompletionFields {
  @Field(() => ID)
  recordId: string;
}

@InputType({ description: 'A job done in the past (an import); the asset’s status stays' })
export class RecordMaintenanceInput extends CompletionFields {
  @Field(() => ID)
  assetId: string;

  @Field(() => ID, { nullable: true })
  planId?: string | null;

  @Field()
  @Text({ max: 2000 })
  description: string;

  @Field()
  startedAt: Date;

  @Field()
  completedAt: Date;
}
