import { Length, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType()
export class CreateDepartmentInput {
  @Field({ description: '2–32 letters, digits, "-" or "_"; stored upper-case' })
  @Length(2, 32)
  code: string;

  @Field()
  @Length(1, 200)
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

  @Field(() => Int)
  @Min(1)
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  @Length(2, 32)
  code?: string | null;

  @Field(() => String, { nullable: true })
  @Length(1, 200)
  name?: string | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => ID, { nullable: true })
  managerId?: string | null;
}
