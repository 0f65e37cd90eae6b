// Entities hr-performance owns, known here by key: Asset.custodian and Asset.department point at them, and this
// subgraph contributes Employee.assets and Department.assets (so both are resolvable here).
import { entityReferenceType } from '@opsgraph/graphql-kit';

export { referenceTo } from '@opsgraph/graphql-kit';

export const EmployeeReference = entityReferenceType('Employee', { resolvable: true });
export type EmployeeReference = InstanceType<typeof EmployeeReference>;
export const DepartmentReference = entityReferenceType('Department', { resolvable: true });
export type DepartmentReference = InstanceType<typeof DepartmentReference>;
