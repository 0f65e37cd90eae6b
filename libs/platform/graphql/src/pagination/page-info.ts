import { Directive, Field, ObjectType } from 'type-graphql';

// Every subgraph defines this same value type, so composition needs it @shareable.
@Directive('@shareable')
@ObjectType({ description: 'Relay page information' })
export class PageInfo {
  @Field({ description: 'True when another page follows this one' })
  hasNextPage: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last edge (pass as `after`); null on an empty page',
  })
  endCursor: string | null;
}
