// The stub of an entity another subgraph owns: the GraphQL type `name`, keyed by `id`, all this subgraph knows of it.
// Resolvable when this subgraph contributes a field to the entity; otherwise a plain reference (`resolvable: false`).
import { Directive, Field, ID, ObjectType } from 'type-graphql';

export function entityReferenceType(name: string, options: { resolvable: boolean }) {
  @Directive(options.resolvable ? '@key(fields: "id")' : '@key(fields: "id", resolvable: false)')
  @ObjectType(name)
  class EntityReferenceType {
    @Field(() => ID, { description: `The ${name.toLowerCase()}’s id (UUID)` })
    id: string;
  }
  return EntityReferenceType;
}

/** `{ id }` for a reference field, or null when the id is. */
export function referenceTo(id: string | null): { id: string } | null {
  return id === null ? null : { id };
}
