import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A unit of the operations centre; departments form a tree under the centre' })
export class Department {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Unique short code, e.g. CS' })
  code: string;

  @Field()
  name: string;

  @Field(() => Int, { description: 'Pass it back as expectedVersion when changing the department' })
  version: number;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  parentId: string | null;
  managerId: string | null;
}
