import { Type, type Static } from '@sinclair/typebox';
import { snapshotEvents, type EventOf } from '../define-event';
import { DateOnly, Nullable, StringEnum, Text, Uuid } from '../schema';

export const EMPLOYEE_POSITIONS = [
  'OPS_DIRECTOR',
  'OPS_MANAGER',
  'CONTENT_EDITOR',
  'CAMPAIGN_SPECIALIST',
  'PROMOTION_SPECIALIST',
  'CS_SPECIALIST',
  'TECHNICIAN',
  'DATA_ANALYST',
  'PROJECT_MANAGER',
] as const;
export const EMPLOYEE_STATUSES = ['ACTIVE', 'ON_LEAVE', 'LEFT'] as const;
export type EmployeePosition = (typeof EMPLOYEE_POSITIONS)[number];
export type EmployeeStatus = (typeof EMPLOYEE_STATUSES)[number];

export const employeeSnapshotProperties = {
  employeeId: Uuid(),
  employeeNumber: Text(),
  name: Text(),
  position: StringEnum(EMPLOYEE_POSITIONS),
  departmentId: Nullable(Uuid()),
  managerId: Nullable(Uuid()),
  hireDate: DateOnly(),
  status: StringEnum(EMPLOYEE_STATUSES),
};
export const EmployeeSnapshotSchema = Type.Object(employeeSnapshotProperties, {
  additionalProperties: false,
});
export type EmployeeSnapshot = Static<typeof EmployeeSnapshotSchema>;

export const departmentSnapshotProperties = {
  departmentId: Uuid(),
  code: Text(),
  name: Text(),
  parentId: Nullable(Uuid()),
  managerId: Nullable(Uuid()),
};
export const DepartmentSnapshotSchema = Type.Object(departmentSnapshotProperties, {
  additionalProperties: false,
});
export type DepartmentSnapshot = Static<typeof DepartmentSnapshotSchema>;

const employeeEvent = snapshotEvents(
  'employee',
  employeeSnapshotProperties,
  (description) => `${description} The data is the employee after the event; no contact or appraisal data.`,
);

const departmentEvent = snapshotEvents(
  'department',
  departmentSnapshotProperties,
  (description) => `${description} The data is the department after the event.`,
);

export const EmployeeHired = employeeEvent('employee.hired', 'An employee joined.', {});

export const EmployeeTransferred = employeeEvent(
  'employee.transferred',
  'An employee moved to another department (position or manager may change with it).',
  { fromDepartmentId: Nullable(Uuid()), toDepartmentId: Uuid(), effectiveDate: DateOnly() },
);

export const EmployeeLeft = employeeEvent('employee.left', 'An employee left the company.', {
  leftDate: DateOnly(),
});

export const EMPLOYEE_UPDATABLE_FIELDS = ['name', 'position', 'managerId', 'status'] as const;

export const EmployeeUpdated = employeeEvent(
  'employee.updated',
  'An employee’s name, position, line manager or status (ACTIVE ⇄ ON_LEAVE) changed.',
  { changedFields: Type.Array(StringEnum(EMPLOYEE_UPDATABLE_FIELDS), { minItems: 1, uniqueItems: true }) },
);

export const CAREER_MOVES = ['PROMOTION', 'DEMOTION', 'ROTATION', 'PAY_GRADE_CHANGE'] as const;

export const EmployeeCareerMoved = employeeEvent(
  'employee.career_moved',
  'A promotion, demotion, rotation (輪崗) or pay-grade change, with what it changed.',
  {
    move: StringEnum(CAREER_MOVES),
    fromPosition: StringEnum(EMPLOYEE_POSITIONS),
    fromDepartmentId: Nullable(Uuid()),
    fromPayGrade: Nullable(Type.Integer({ minimum: 1, maximum: 30 })),
    toPayGrade: Nullable(Type.Integer({ minimum: 1, maximum: 30 })),
    effectiveDate: DateOnly(),
    reason: Text(),
  },
);

export const DepartmentCreated = departmentEvent('department.created', 'A department was created.', {});

export const DEPARTMENT_UPDATABLE_FIELDS = ['code', 'name', 'parentId', 'managerId'] as const;

export const DepartmentUpdated = departmentEvent('department.updated', 'A department changed.', {
  changedFields: Type.Array(StringEnum(DEPARTMENT_UPDATABLE_FIELDS), { minItems: 1, uniqueItems: true }),
});

export const employeeEventDefinitions = [
  EmployeeHired,
  EmployeeTransferred,
  EmployeeUpdated,
  EmployeeCareerMoved,
  EmployeeLeft,
] as const;
export const departmentEventDefinitions = [DepartmentCreated, DepartmentUpdated] as const;

export type EmployeeEvent = EventOf<(typeof employeeEventDefinitions)[number]>;
export type DepartmentEvent = EventOf<(typeof departmentEventDefinitions)[number]>;
export type HrEvent = EmployeeEvent | DepartmentEvent;
