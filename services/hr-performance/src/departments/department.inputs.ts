import { ExpectedVersion, Text } from '@opsgraph/graphql-kit';
import { Field, ID, InputType } from 'type-graphql';

@InputType({
  description:
    'Creates a department (ADMIN, HR, OPS_DIRECTOR). Answers BAD_USER_INPUT with field for a duplicate code or an unknown parent or manager',
})
export class CreateDepartmentInput {
  @Field({ description: '2–32 letters, digits, "-" or "_"; stored upper-case' })
  @Text({ min: 2, max: 32 })
  code: string;

  @Field({ description: 'The department’s name, 1–200 characters' })
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
  @Field(() => ID, { description: 'The department to change' })
  id: string;

  @ExpectedVersion()
  expectedVersion: number;

  @Field(() => String, { description: 'New code, 2–32 characters; null keeps it', nullable: true })
  @Text({ min: 2, max: 32, optional: true })
  code?: string | null;

  @Field(() => String, { description: 'New name, 1–200 characters; null keeps it', nullable: true })
  @Text({ max: 200, optional: true })
  name?: string | null;

  @Field(() => ID, {
    description: 'New parent department (never one below it); null keeps it',
    nullable: true,
  })
  parentId?: string | null;

  @Field(() => ID, { description: 'New manager (an employee); null keeps the current one', nullable: true })
  managerId?: string | null;
}
