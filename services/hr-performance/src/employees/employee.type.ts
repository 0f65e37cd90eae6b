import {
  CAREER_MOVES,
  EMPLOYEE_POSITIONS,
  EMPLOYEE_STATUSES,
  type EmployeePosition,
  type EmployeeStatus,
} from '@opsgraph/contracts-events';
import { Connection, graphqlEnumOf } from '@opsgraph/graphql-kit';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

export const EmployeePositionEnum = graphqlEnumOf(
  EMPLOYEE_POSITIONS,
  'EmployeePosition',
  'Positions of the operations centre (001 §二)',
  {
    OPS_DIRECTOR: 'Director of the operations centre',
    OPS_MANAGER: 'Operations manager',
    CONTENT_EDITOR: 'Content editor',
    CAMPAIGN_SPECIALIST: 'Campaign specialist',
    PROMOTION_SPECIALIST: 'Promotion specialist',
    CS_SPECIALIST: 'Customer service specialist',
    TECHNICIAN: 'Technician',
    DATA_ANALYST: 'Data analyst',
    PROJECT_MANAGER: 'Project manager',
  },
);
export const EmployeeStatusEnum = graphqlEnumOf(EMPLOYEE_STATUSES, 'EmployeeStatus', 'Employment status', {
  ACTIVE: 'Employed and working',
  ON_LEAVE: 'Employed, on leave',
  LEFT: 'No longer employed',
});
export const CareerMoveEnum = graphqlEnumOf(
  CAREER_MOVES,
  'CareerMove',
  'Promotion, demotion, rotation (輪崗), pay grade',
  {
    PROMOTION: 'To a higher position',
    DEMOTION: 'To a lower position',
    ROTATION: 'To another department or position at the same level (輪崗)',
    PAY_GRADE_CHANGE: 'Only the pay grade changes',
  },
);

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A member of the operations centre' })
export class Employee {
  @Field(() => ID, { description: 'The employee’s id (UUID)' })
  id: string;

  @Field({ description: 'Readable number, e.g. EMP-000123' })
  employeeNumber: string;

  @Field({ description: 'The employee’s full name' })
  name: string;

  @Field(() => EmployeePositionEnum, {
    description: 'The position held (post), which also sets the KPI weights',
  })
  position: EmployeePosition;

  @Field(() => GraphQLLocalDate, { description: 'First working day (LocalDate)' })
  hireDate: string;

  @Field(() => GraphQLLocalDate, {
    description: 'Last working day (LocalDate); null while employed',
    nullable: true,
  })
  leftDate: string | null;

  @Field(() => EmployeeStatusEnum, {
    description: 'ACTIVE, ON_LEAVE or LEFT; only ACTIVE employees can be given work',
  })
  status: EmployeeStatus;

  @Field(() => Int, { description: 'Pass it back as expectedVersion when changing the employee' })
  version: number;

  @Field({ description: 'When the employee record was created (DateTime, UTC)' })
  createdAt: Date;

  @Field({ description: 'When the employee record last changed (DateTime, UTC)' })
  updatedAt: Date;

  departmentId: string;
  managerId: string | null;
}

export const EmployeeConnection = Connection(Employee);

@ObjectType({ description: 'One change of an employee’s record, with the values after it' })
export class EmployeeHistoryEntry {
  @Field(() => Int, { description: 'The employee record’s version after the change' })
  version: number;

  @Field({ description: 'HIRED, TRANSFERRED, UPDATED or LEFT' })
  action: string;

  @Field({ description: 'When the change was recorded (DateTime, UTC)' })
  occurredAt: Date;

  @Field({ description: 'Role of whoever made the change' })
  actorRole: string;

  @Field(() => ID, { description: 'The department after the change' })
  departmentId: string;

  @Field(() => EmployeePositionEnum, { description: 'The position after the change' })
  position: EmployeePosition;

  @Field(() => ID, { description: 'The line manager after the change; null when none', nullable: true })
  managerId: string | null;

  @Field(() => EmployeeStatusEnum, { description: 'The status after the change' })
  status: EmployeeStatus;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'For transfers: when the move takes effect' })
  effectiveDate: string | null;
}
