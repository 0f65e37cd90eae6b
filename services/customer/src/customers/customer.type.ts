import {
  CUSTOMER_TIERS,
  CUSTOMER_TYPES,
  TICKET_CHANNELS,
  type CustomerTier as Tier,
  type CustomerType as Type,
  type TicketChannel as Channel,
} from '@opsgraph/contracts-events';
import { Connection, graphqlEnumOf } from '@opsgraph/graphql-kit';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { CHANGE_ACTIONS, type ChangeAction } from './customer.model';

export const CustomerType = graphqlEnumOf(CUSTOMER_TYPES, 'CustomerType');
export const CustomerTier = graphqlEnumOf(
  CUSTOMER_TIERS,
  'CustomerTier',
  'Service tier; revisits are for KEY_ACCOUNT and VIP',
);
// The ticket subgraph's enum, same values and description (composition merges the two).
export const TicketChannel = graphqlEnumOf(TICKET_CHANNELS, 'TicketChannel', 'Where the ticket was taken in');
export const CustomerChangeAction = graphqlEnumOf(CHANGE_ACTIONS, 'CustomerChangeAction');
export const CustomerOrder = graphqlEnumOf(
  ['NAME', 'CODE', 'CREATED_AT'],
  'CustomerOrder',
  'NAME and CODE ascending, CREATED_AT newest first; ties broken by id',
);

@ObjectType('CustomerConsents', { description: 'What the customer agreed to be contacted for' })
export class Consents {
  @Field()
  marketing: boolean;

  @Field({ description: 'Satisfaction surveys after tickets' })
  surveys: boolean;

  @Field({ description: 'Care revisits (回訪)' })
  revisits: boolean;
}

@ObjectType('CustomerContact', {
  description:
    'A contact person. name, phone and email are personal data: masked for roles without the right to see them; ' +
    'every unmasked read is recorded in personalDataAccessLog.',
})
export class Contact {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field(() => String, { nullable: true, description: 'E.164, e.g. +8613812345678' })
  phone: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field()
  isPrimary: boolean;

  @Field({ description: 'true when name, phone and email are masks (e.g. 138****5678, j***@example.com)' })
  masked: boolean;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A customer of the operations centre (客戶)' })
export class Customer {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Unique, upper-case, e.g. C-2025-0042' })
  code: string;

  @Field()
  name: string;

  @Field(() => CustomerType)
  type: Type;

  @Field(() => CustomerTier)
  tier: Tier;

  @Field(() => [String], { description: 'Lower-case labels' })
  tags: string[];

  @Field(() => TicketChannel, { nullable: true, description: 'How the customer prefers to be reached' })
  preferredChannel: Channel | null;

  @Field(() => String, { nullable: true, description: 'BCP 47, e.g. zh-TW' })
  language: string | null;

  @Field(() => Consents)
  consents: Consents;

  @Field(() => Date, { nullable: true })
  consentsUpdatedAt: Date | null;

  @Field(() => Date, { nullable: true })
  lastRevisitAt: Date | null;

  @Field(() => Int, {
    description: 'Optimistic-lock version: pass it as expectedVersion to change the customer',
  })
  version: number;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType('CustomerFieldChange')
export class FieldChange {
  @Field()
  field: string;

  @Field(() => String, {
    nullable: true,
    description: 'null for personal data, which is audited by name only',
  })
  from: string | null;

  @Field(() => String, { nullable: true })
  to: string | null;
}

@ObjectType({ description: 'One entry of a customer’s audit trail' })
export class CustomerChange {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The customer’s version after the change' })
  customerVersion: number;

  @Field(() => CustomerChangeAction)
  action: ChangeAction;

  @Field(() => ID, { nullable: true, description: 'The contact or revisit concerned' })
  subjectId: string | null;

  @Field(() => [FieldChange])
  changes: FieldChange[];

  @Field(() => ID, { nullable: true })
  actorId: string | null;

  @Field()
  actorRole: string;

  @Field()
  occurredAt: Date;
}

export const CustomerConnection = Connection(Customer);
export const CustomerChangeConnection = Connection(CustomerChange);
