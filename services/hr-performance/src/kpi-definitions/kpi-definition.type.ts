import type { EmployeePosition } from '@opsgraph/contracts-events';
import { graphqlEnumOf } from '@opsgraph/graphql-kit';
import { Field, Int, ObjectType } from 'type-graphql';
import { EmployeePositionEnum } from '../employees/employee.type';
import { KPI_DIMENSIONS, type KpiDimension } from './kpi-definition.rules';

export const KpiDimensionEnum = graphqlEnumOf(
  KPI_DIMENSIONS,
  'KpiDimension',
  'Appraisal dimensions (000 §四(二)1, 001 §七(一))',
  {
    SERVICE_QUALITY:
      'Service quality: resolution rate, minus 25 points per complaint held against the employee',
    EFFICIENCY: 'Efficiency: share of tickets resolved within their SLA',
    CUSTOMER_SATISFACTION:
      'Customer satisfaction: mean survey score of the employee’s resolved tickets (1–5 → 0–100)',
    TEAMWORK: 'Teamwork: from the self, manager and peer reviews',
    ATTITUDE: 'Attitude: from the self, manager and peer reviews',
  },
);

@ObjectType({ description: 'The weight of one dimension in a position’s KPI score' })
export class KpiWeight {
  @Field(() => KpiDimensionEnum, { description: 'The dimension weighed' })
  dimension: KpiDimension;

  @Field(() => Int, { description: 'Percent of the weighted total; a position’s weights sum to 100' })
  weight: number;

  @Field({ description: 'What the dimension is and what measures it' })
  description: string;
}

@ObjectType({ description: 'How a position’s appraisal weighs the KPI dimensions' })
export class KpiDefinition {
  @Field(() => EmployeePositionEnum, { description: 'The position these weights apply to' })
  position: EmployeePosition;

  @Field(() => [KpiWeight], { description: 'One weight per dimension; they total 100' })
  weights: KpiWeight[];

  @Field(() => Int, { description: 'Pass it back as expectedVersion when changing the weights' })
  version: number;

  @Field({ description: 'When the weights last changed (DateTime, UTC)' })
  updatedAt: Date;
}
