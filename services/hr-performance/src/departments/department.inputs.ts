import { ExpectedVersion, Text } from '@opsgraph/graphql-kit';
import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class CreateDepartmentInput {
  @Field({ description: '2–32 letters, digits, "-" or "_"; stored upper-case' })
  @Text({ min: 2, max: 32 })
  code: string;

  @Field()
  @Text({ max: 200 })
  name: string;

  @Field(() => ID, { nullable: true, description: 'Parent department; omitted for a top-level unit' })
  parentId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Manager: an ACTIVE employee' })
  managerId?: string | null;
}

@InputType({
  description: 'Omitted fields stay as they are; null parentId makes it top-level, null managerId clears it',
})
export class UpdateDepartmentInput {
  @Field(() => ID)
  id: string;

  @ExpectedVersion()
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  @Text({ min: 2, max: 32, optional: true })
  code?: string | null;

  @Field(() => String, { nullable: true })
  @Text({ max: 200, optional: true })
  name?: string | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => ID, { nullable: true })
  managerId?: string | null;
}
