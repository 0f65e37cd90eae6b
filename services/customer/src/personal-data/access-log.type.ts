import { Connection, ConnectionArgs, OpaqueId, Role } from '@opsgraph/graphql-kit';
import { IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One read of a customer’s personal data in clear (one per customer per request)' })
export class PersonalDataAccess {
  @Field(() => ID, { description: "The access record's id" })
  id: string;

  @Field({
    description:
      'When the personal data was read in clear (DateTime, UTC); the record is written before the data is answered',
  })
  accessedAt: Date;

  @Field(() => ID, { description: 'The user (token subject) who read the data' })
  userId: string;

  @Field(() => Role, { description: 'The role the user acted in when reading' })
  role: Role;

  @Field(() => ID, {
    description: 'The employee behind the user, when the caller is staff; null for other callers',
    nullable: true,
  })
  employeeId: string | null;

  @Field(() => ID, { description: 'The customer whose contacts were read' })
  customerId: string;

  @Field(() => [String], { description: 'e.g. contacts.phone' })
  fields: string[];

  @Field(() => String, { nullable: true, description: 'Root field of the GraphQL operation' })
  operation: string | null;

  @Field(() => String, {
    description:
      "The request's correlation id (x-correlation-id), to match the read with logs and traces; null when the request had none",
    nullable: true,
  })
  correlationId: string | null;
}

export const PersonalDataAccessConnection = Connection(PersonalDataAccess);

@InputType({ description: 'Narrows personalDataAccessLog; every field set must match (AND)' })
export class PersonalDataAccessFilter {
  @Field(() => ID, { description: "Only reads of this customer's data", nullable: true })
  customerId?: string | null;

  @Field(() => ID, { description: 'Only reads by this user (token subject)', nullable: true })
  @OpaqueId()
  userId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Inclusive' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Exclusive' })
  to?: Date | null;
}

@ArgsType()
export class PersonalDataAccessLogArgs extends ConnectionArgs {
  @Field(() => PersonalDataAccessFilter, {
    description: 'Optional narrowing by customer, user and time range',
    nullable: true,
  })
  @IsOptional()
  @ValidateNested()
  filter?: PersonalDataAccessFilter | null;
}
