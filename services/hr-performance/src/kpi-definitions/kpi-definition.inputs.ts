import type { EmployeePosition } from '@opsgraph/contracts-events';
import { ExpectedVersion } from '@opsgraph/graphql-kit';
import { ArrayMaxSize, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { EmployeePositionEnum } from '../employees/employee.type';
import { KpiDimensionEnum } from './kpi-definition.type';
import type { KpiDimension } from './kpi-definition.rules';

@InputType({ description: 'The weight of one dimension' })
export class KpiWeightInput {
  @Field(() => KpiDimensionEnum, { description: 'The dimension weighed' })
  dimension: KpiDimension;

  @Field(() => Int, { description: 'Percent, 0–100; the weights of a position total 100' })
  @IsInt()
  @Min(0)
  @Max(100)
  weight: number;
}

@InputType({ description: 'The full set: every dimension once, summing to 100' })
export class SetKpiWeightsInput {
  @Field(() => EmployeePositionEnum, { description: 'The position whose weights are replaced' })
  position: EmployeePosition;

  @ExpectedVersion()
  expectedVersion: number;

  @Field(() => [KpiWeightInput], { description: 'Every dimension’s weight; they must total 100' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  weights: KpiWeightInput[];
}
