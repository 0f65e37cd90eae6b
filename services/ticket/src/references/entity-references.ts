// Entities other subgraphs own, known here only by key. Customer, Employee, Asset and Incident are resolvable here
// because this subgraph contributes a field to them (their tickets); Department is a plain reference.
import { entityReferenceType } from '@opsgraph/graphql-kit';

export { referenceTo } from '@opsgraph/graphql-kit';

export const CustomerReference = entityReferenceType('Customer', { resolvable: true });
export type CustomerReference = InstanceType<typeof CustomerReference>;
export const EmployeeReference = entityReferenceType('Employee', { resolvable: true });
export type EmployeeReference = InstanceType<typeof EmployeeReference>;
export const AssetReference = entityReferenceType('Asset', { resolvable: true });
export type AssetReference = InstanceType<typeof AssetReference>;
export const IncidentReference = entityReferenceType('Incident', { resolvable: true });
export type IncidentReference = InstanceType<typeof IncidentReference>;
export const DepartmentReference = entityReferenceType('Department', { resolvable: false });
export type DepartmentReference = InstanceType<typeof DepartmentReference>;
