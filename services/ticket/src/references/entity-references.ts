// Entities other subgraphs own, known here only by key. Customer, Employee, Asset and Incident are resolvable here
// because this subgraph contributes a field to them (their tickets); Department is a plain reference.
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType('Customer')
export class CustomerReference {
  @Field(() => ID)
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Employee')
export class EmployeeReference {
  @Field(() => ID)
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Asset')
export class AssetReference {
  @Field(() => ID)
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Incident')
export class IncidentReference {
  @Field(() => ID)
  id: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Department')
export class DepartmentReference {
  @Field(() => ID)
  id: string;
}

/** `{ id }` for a reference field, or null when the id is. */
export function referenceTo(id: string | null): { id: string } | null {
  return id === null ? null : { id };
}
