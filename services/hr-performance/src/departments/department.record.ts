import type { DepartmentSnapshot } from '@opsgraph/contracts-events';

/** A department as the use-cases and the graph see it. */
export interface DepartmentRecord {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly parentId: string | null;
  readonly managerId: string | null;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export function departmentSnapshot(department: DepartmentRecord): DepartmentSnapshot {
  return {
    departmentId: department.id,
    code: department.code,
    name: department.name,
    parentId: department.parentId,
    managerId: department.managerId,
  };
}
