import type { EmployeePosition } from '@opsgraph/contracts-events';
import { graphqlEnumOf } from '@opsgraph/graphql-kit';
import { Field, Int, ObjectType } from 'type-graphql';
import { EmployeePositionEnum } from '../employees/employee.type';
import { KPI_DIMENSIONS, type KpiDimension } from './kpi-definition.rules';

export const KpiDimensionEnum = graphqlEnumOf(
  KPI_DIMENSIONS,
  'KpiDimension',
  'Appraisal dimensions (000 §四(二)1, 001 §七(一))',
);

@ObjectType()
export class KpiWeight {
  @Field(() => KpiDimensionEnum)
  dimension: KpiDimension;

  @Field(() => Int, { description: 'Percent of the weighted total; a position’s weights sum to 100' })
  weight: number;

  @Field({ description: 'What the dimension is and what measures it' })
  description: string;
}

@ObjectType({ description: 'How a position’s appraisal weighs the KPI dimensions' })
export class KpiDefinition {
  @Field(() => EmployeePositionEnum)
  position: EmployeePosition;

  @Field(() => [KpiWeight])
  weights: KpiWeight[];

  @Field(() => Int, { description: 'Pass it back as expectedVersion when changing the weights' })
  version: number;

  @Field()
  updatedAt: Date;
}
