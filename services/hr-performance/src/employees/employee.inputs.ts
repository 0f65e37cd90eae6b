import type { EmployeePosition, EmployeeStatus } from '@opsgraph/contracts-events';
import { ConnectionArgs, ExpectedVersion, Text } from '@opsgraph/graphql-kit';
import { ValidateNested } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import type { CareerMove } from './career.rules';
import { CareerMoveEnum, EmployeePositionEnum, EmployeeStatusEnum } from './employee.type';

@InputType({ description: 'Narrows employees; every field set must match (AND)' })
export class EmployeeFilter {
  @Field(() => ID, { description: 'Only employees of this department', nullable: true })
  departmentId?: string | null;

  @Field(() => EmployeePositionEnum, { description: 'Only employees holding this position', nullable: true })
  position?: EmployeePosition | null;

  @Field(() => EmployeeStatusEnum, { description: 'Only employees in this status', nullable: true })
  status?: EmployeeStatus | null;
}

@ArgsType()
export class EmployeesArgs extends ConnectionArgs {
  @Field(() => EmployeeFilter, {
    description: 'Optional narrowing by department, position and status',
    nullable: true,
  })
  @ValidateNested()
  filter?: EmployeeFilter | null;
}

@InputType({
  description:
    'Hires an employee (ADMIN, HR, OPS_DIRECTOR); publishes employee.hired. Answers BAD_USER_INPUT with field for an unknown department',
})
export class HireEmployeeInput {
  @Field(() => String, {
    nullable: true,
    description: 'Given by HR (e.g. when importing staff); generated EMP-nnnnnn if omitted',
  })
  @Text({ min: 2, max: 32, optional: true })
  employeeNumber?: string | null;

  @Field({ description: 'Full name, 1–200 characters' })
  @Text({ max: 200 })
  name: string;

  @Field(() => EmployeePositionEnum, { description: 'The position the employee is hired into' })
  position: EmployeePosition;

  @Field(() => ID, { description: 'The department the employee joins' })
  departmentId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Line manager (an ACTIVE employee). Omitted: the department’s manager; null: none.',
  })
  managerId?: string | null;

  @Field(() => GraphQLLocalDate, { description: 'First working day (LocalDate)' })
  hireDate: string;
}

@InputType({
  description: 'Moves an employee to another department (ADMIN, HR, OPS_DIRECTOR); audited and published',
})
export class TransferEmployeeInput {
  @Field(() => ID, { description: 'The employee' })
  employeeId: string;

  @ExpectedVersion()
  expectedVersion: number;

  @Field(() => ID, { description: 'The department the employee moves to' })
  toDepartmentId: string;

  @Field(() => GraphQLLocalDate, { description: 'Day the transfer takes effect (LocalDate)' })
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

@InputType({
  description:
    'Corrects an employee’s name or position (ADMIN, HR, OPS_DIRECTOR); career moves go through recordCareerMove',
})
export class UpdateEmployeeInput {
  @Field(() => ID, { description: 'The employee to change' })
  employeeId: string;

  @ExpectedVersion()
  expectedVersion: number;

  @Field(() => String, { description: 'New full name, 1–200 characters; null keeps it', nullable: true })
  @Text({ max: 200, optional: true })
  name?: string | null;

  @Field(() => EmployeePositionEnum, { description: 'New position; null keeps it', nullable: true })
  position?: EmployeePosition | null;

  @Field(() => ID, { nullable: true, description: 'null removes the line manager' })
  managerId?: string | null;

  @Field(() => EmployeeStatusEnum, {
    nullable: true,
    description: 'ACTIVE or ON_LEAVE (leaving: recordEmployeeLeft)',
  })
  status?: EmployeeStatus | null;
}

@InputType({
  description:
    'Records that an employee left (ADMIN, HR, OPS_DIRECTOR); publishes employee.left, after which the employee can no longer be given work',
})
export class RecordEmployeeLeftInput {
  @Field(() => ID, { description: 'The employee leaving' })
  employeeId: string;

  @ExpectedVersion()
  expectedVersion: number;

  @Field(() => GraphQLLocalDate, { description: 'Last working day (LocalDate)' })
  leftDate: string;
}

@InputType({ description: 'A promotion, demotion, rotation (輪崗) or pay-grade change' })
export class RecordCareerMoveInput {
  @Field(() => ID, { description: 'The employee' })
  employeeId: string;

  @ExpectedVersion()
  expectedVersion: number;

  @Field(() => CareerMoveEnum, { description: 'Promotion, demotion, rotation or pay-grade change' })
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

  @Field(() => GraphQLLocalDate, { description: 'Day the move takes effect (LocalDate)' })
  effectiveDate: string;

  @Field({ description: 'Why, 1–2000 characters (audited and published)' })
  @Text({ max: 2000 })
  reason: string;
}
