// Entities hr-performance owns, known here by key: Asset.custodian and Asset.department point at them, and this
// subgraph contributes Employee.assets and Department.assets (so both are resolvable here).
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType('Employee')
export class EmployeeReference {
  @Field(() => ID, { description: 'The employee’s id (UUID)' })
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Department')
export class DepartmentReference {
  @Field(() => ID, { description: 'The department’s id (UUID)' })
  id: string;
}

/** `{ id }` for a reference field, or null when the id is. */
export const referenceTo = (id: string | null): { id: string } | null => (id === null ? null : { id });
