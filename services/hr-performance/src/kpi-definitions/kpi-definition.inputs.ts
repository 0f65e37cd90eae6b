import type { EmployeePosition } from '@opsgraph/contracts-events';
import { ExpectedVersion } from '@opsgraph/graphql-kit';
import { ArrayMaxSize, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { EmployeePositionEnum } from '../employees/employee.type';
import { KpiDimensionEnum } from './kpi-definition.type';
import type { KpiDimension } from './kpi-definition.rules';

@InputType()
export class KpiWeightInput {
  @Field(() => KpiDimensionEnum)
  dimension: KpiDimension;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100)
  weight: number;
}

@InputType({ description: 'The full set: every dimension once, summing to 100' })
export class SetKpiWeightsInput {
  @Field(() => EmployeePositionEnum)
  position: EmployeePosition;

  @ExpectedVersion()
  expectedVersion: number;

  @Field(() => [KpiWeightInput])
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  weights: KpiWeightInput[];
}
