// Entities other subgraphs own, known here only by key. Customer, Employee, Asset and Incident are resolvable here
// because this subgraph contributes a field to them (their tickets); Department is a plain reference.
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The GraphQL type `name` of another subgraph, keyed by `id`: all this subgraph knows of it. */
function entityReference(name: string, options: { resolvable: boolean }) {
  @Directive(options.resolvable ? '@key(fields: "id")' : '@key(fields: "id", resolvable: false)')
  @ObjectType(name)
  class EntityReference {
    @Field(() => ID, { description: `The ${name.toLowerCase()}’s id (UUID)` })
    id: string;
  }
  return EntityReference;
}

export const CustomerReference = entityReference('Customer', { resolvable: true });
export type CustomerReference = InstanceType<typeof CustomerReference>;
export const EmployeeReference = entityReference('Employee', { resolvable: true });
export type EmployeeReference = InstanceType<typeof EmployeeReference>;
export const AssetReference = entityReference('Asset', { resolvable: true });
export type AssetReference = InstanceType<typeof AssetReference>;
export const IncidentReference = entityReference('Incident', { resolvable: true });
export type IncidentReference = InstanceType<typeof IncidentReference>;
export const DepartmentReference = entityReference('Department', { resolvable: false });
export type DepartmentReference = InstanceType<typeof DepartmentReference>;

/** `{ id }` for a reference field, or null when the id is. */
export function referenceTo(id: string | null): { id: string } | null {
  return id === null ? null : { id };
}
