import type { EmployeePosition, EmployeeStatus } from '@opsgraph/contracts-events';
import { ConnectionArgs, ExpectedVersion, Text } from '@opsgraph/graphql-kit';
import { ValidateNested } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import type { CareerMove } from './career.rules';
import { CareerMoveEnum, EmployeePositionEnum, EmployeeStatusEnum } from './employee.type';

@InputType()
export class EmployeeFilter {
  @Field(() => ID, { nullable: true })
  departmentId?: string | null;

  @Field(() => EmployeePositionEnum, { nullable: true })
  position?: EmployeePosition | null;

  @Field(() => EmployeeStatusEnum, { nullable: true })
  status?: EmployeeStatus | null;
}

@ArgsType()
export class EmployeesArgs extends ConnectionArgs {
  @Field(() => EmployeeFilter, { nullable: true })
  @ValidateNested()
  filter?: EmployeeFilter | null;
}

@InputType()
export class HireEmployeeInput {
  @Field(() => String, {
    nullable: true,
    description: 'Given by HR (e.g. when importing staff); generated EMP-nnnnnn if omitted',
  })
  @Text({ min: 2, max: 32, optional: true })
  employeeNumber?: string | null;

  @Field()
  @Text({ max: 200 })
  name: string;

  @Field(() => EmployeePositionEnum)
  position: EmployeePosition;

  @Field(() => ID)
  departmentId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Line manager (an ACTIVE employee). Omitted: the department’s manager; null: none.',
  })
  managerId?: string | null;

  @Field(() => GraphQLLocalDate)
  hireDate: string;
}

@InputType()
export class TransferEmployeeInput {
  @Field(() => ID)
  employeeId: string;

  @ExpectedVersion()
  expectedVersion: number;

  @Field(() => ID)
  toDepartmentId: string;

  @Field(() => GraphQLLocalDate)
  effectiveDate: string;

  @Field(() => EmployeePositionEnum, {
    nullable: true,
    description: 'New position, if it changes with the move',
  })
  position?: EmployeePosition | null;

  @Field(() => ID, {
    nullable: true,
    description: 'New line manager. Omitted: the new department’s manager; null: none.',
  })
  managerId?: string | null;
}

@InputType()
export class UpdateEmployeeInput {
  @Field(() => ID)
  employeeId: string;

  @ExpectedVersion()
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  @Text({ max: 200, optional: true })
  name?: string | null;

  @Field(() => EmployeePositionEnum, { nullable: true })
  position?: EmployeePosition | null;

  @Field(() => ID, { nullable: true, description: 'null removes the line manager' })
  managerId?: string | null;

  @Field(() => EmployeeStatusEnum, {
    nullable: true,
    description: 'ACTIVE or ON_LEAVE (leaving: recordEmployeeLeft)',
  })
  status?: EmployeeStatus | null;
}

@InputType()
export class RecordEmployeeLeftInput {
  @Field(() => ID)
  employeeId: string;

  @ExpectedVersion()
  expectedVersion: number;

  @Field(() => GraphQLLocalDate)
  leftDate: string;
}

@InputType({ description: 'A promotion, demotion, rotation (輪崗) or pay-grade change' })
export class RecordCareerMoveInput {
  @Field(() => ID)
  employeeId: string;

  @ExpectedVersion()
  expectedVersion: number;

  @Field(() => CareerMoveEnum)
  move: CareerMove;

  @Field(() => EmployeePositionEnum, { nullable: true, description: 'New position, if it changes' })
  position?: EmployeePosition | null;

  @Field(() => ID, { nullable: true, description: 'ROTATION: the department rotated to' })
  departmentId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'New pay grade 1–30 (PROMOTION, DEMOTION, PAY_GRADE_CHANGE)',
  })
  payGrade?: number | null;

  @Field(() => GraphQLLocalDate)
  effectiveDate: string;

  @Field()
  @Text({ max: 2000 })
  reason: string;
}
