import { Directive, Field, ObjectType } from 'type-graphql';

// Every subgraph defines this same value type, so composition needs it @shareable.
@Directive('@shareable')
@ObjectType({ description: 'Relay page information' })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}
