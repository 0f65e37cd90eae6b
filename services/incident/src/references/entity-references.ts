// Entities other subgraphs own, known here only by key. Asset, Customer and Employee are resolvable here because
// this subgraph contributes a field to each (their incidents, the incident roles); Ticket is a plain reference.
import { entityReferenceType } from '@opsgraph/graphql-kit';

export { referenceTo } from '@opsgraph/graphql-kit';

export const AssetReference = entityReferenceType('Asset', { resolvable: true });
export type AssetReference = InstanceType<typeof AssetReference>;
export const CustomerReference = entityReferenceType('Customer', { resolvable: true });
export type CustomerReference = InstanceType<typeof CustomerReference>;
export const EmployeeReference = entityReferenceType('Employee', { resolvable: true });
export type EmployeeReference = InstanceType<typeof EmployeeReference>;

export const TicketReference = entityReferenceType('Ticket', { resolvable: false });
export type TicketReference = InstanceType<typeof TicketReference>;
