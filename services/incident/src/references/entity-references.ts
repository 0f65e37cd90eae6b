// Entities other subgraphs own, known here only by key. Asset, Customer and Employee are resolvable here because
// this subgraph contributes a field to each (their incidents, the incident roles); Ticket is a plain reference.
import { Directive, Field, ID, ObjectType } from 'type-graphql';

function entityReference(name: string, resolvable = true) {
  @Directive(resolvable ? '@key(fields: "id")' : '@key(fields: "id", resolvable: false)')
  @ObjectType(name)
  class EntityReference {
    @Field(() => ID, { description: `The ${name.toLowerCase()}’s id (UUID)` })
    id: string;
  }
  return EntityReference;
}

export const AssetReference = entityReference('Asset');
export type AssetReference = InstanceType<typeof AssetReference>;
export const CustomerReference = entityReference('Customer');
export type CustomerReference = InstanceType<typeof CustomerReference>;
export const EmployeeReference = entityReference('Employee');
export type EmployeeReference = InstanceType<typeof EmployeeReference>;

export const TicketReference = entityReference('Ticket', false);
export type TicketReference = InstanceType<typeof TicketReference>;

export const referenceTo = (id: string | null): { id: string } | null => (id === null ? null : { id });
