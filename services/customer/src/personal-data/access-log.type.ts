import { Connection, ConnectionArgs, OpaqueId, Role } from '@opsgraph/graphql-kit';
import { IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One read of a customer’s personal data in clear (one per customer per request)' })
export class PersonalDataAccess {
  @Field(() => ID)
  id: string;

  @Field()
  accessedAt: Date;

  @Field(() => ID)
  userId: string;

  @Field(() => Role)
  role: Role;

  @Field(() => ID, { nullable: true })
  employeeId: string | null;

  @Field(() => ID)
  customerId: string;

  @Field(() => [String], { description: 'e.g. contacts.phone' })
  fields: string[];

  @Field(() => String, { nullable: true, description: 'Root field of the GraphQL operation' })
  operation: string | null;

  @Field(() => String, { nullable: true })
  correlationId: string | null;
}

export const PersonalDataAccessConnection = Connection(PersonalDataAccess);

@InputType()
export class PersonalDataAccessFilter {
  @Field(() => ID, { nullable: true })
  customerId?: string | null;

  @Field(() => ID, { nullable: true })
  @OpaqueId()
  userId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Inclusive' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Exclusive' })
  to?: Date | null;
}

@ArgsType()
export class PersonalDataAccessLogArgs extends ConnectionArgs {
  @Field(() => PersonalDataAccessFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: PersonalDataAccessFilter | null;
}
