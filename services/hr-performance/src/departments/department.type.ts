import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A unit of the operations centre; departments form a tree under the centre' })
export class Department {
  @Field(() => ID, { description: 'The department’s id (UUID)' })
  id: string;

  @Field({ description: 'Unique short code, e.g. CS' })
  code: string;

  @Field({ description: 'The department’s name, e.g. Customer Service' })
  name: string;

  @Field(() => Int, { description: 'Pass it back as expectedVersion when changing the department' })
  version: number;

  @Field({ description: 'When the department was created (DateTime, UTC)' })
  createdAt: Date;

  @Field({ description: 'When the department last changed (DateTime, UTC)' })
  updatedAt: Date;

  parentId: string | null;
  managerId: string | null;
}
