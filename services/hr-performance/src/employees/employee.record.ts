import type { EmployeePosition, EmployeeSnapshot, EmployeeStatus } from '@opsgraph/contracts-events';

/** An employee as the use-cases and the graph see it. */
export interface EmployeeRecord {
  readonly id: string;
  readonly employeeNumber: string;
  readonly name: string;
  readonly position: EmployeePosition;
  readonly departmentId: string;
  readonly managerId: string | null;
  /** `YYYY-MM-DD`. */
  readonly hireDate: string;
  readonly leftDate: string | null;
  readonly status: EmployeeStatus;
  readonly payGrade: number | null;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export function employeeSnapshot(employee: EmployeeRecord): EmployeeSnapshot {
  return {
    employeeId: employee.id,
    employeeNumber: employee.employeeNumber,
    name: employee.name,
    position: employee.position,
    departmentId: employee.departmentId,
    managerId: employee.managerId,
    hireDate: employee.hireDate,
    status: employee.status,
  };
}
