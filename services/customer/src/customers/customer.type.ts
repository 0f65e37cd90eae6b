import {
  CUSTOMER_TIERS,
  CUSTOMER_TYPES,
  TICKET_CHANNEL_DESCRIPTIONS,
  TICKET_CHANNELS,
  type CustomerTier as Tier,
  type CustomerType as Type,
  type TicketChannel as Channel,
} from '@opsgraph/contracts-events';
import { Connection, graphqlEnumOf } from '@opsgraph/graphql-kit';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { CHANGE_ACTIONS, type ChangeAction } from './customer.model';

export const CustomerType = graphqlEnumOf(CUSTOMER_TYPES, 'CustomerType', 'A person or an organisation', {
  INDIVIDUAL: 'A private person',
  ORGANIZATION: 'A company or institution, reached through its contact persons',
});
export const CustomerTier = graphqlEnumOf(
  CUSTOMER_TIERS,
  'CustomerTier',
  'Service tier; revisits are for KEY_ACCOUNT and VIP',
  {
    STANDARD: 'The default tier',
    KEY_ACCOUNT: 'An important account: gets care revisits',
    VIP: 'The highest tier: gets care revisits and priority handling',
  },
);
// The ticket subgraph's enum, same values and description (composition merges the two).
export const TicketChannel = graphqlEnumOf(
  TICKET_CHANNELS,
  'TicketChannel',
  'Where the ticket was taken in',
  TICKET_CHANNEL_DESCRIPTIONS,
);
export const CustomerChangeAction = graphqlEnumOf(
  CHANGE_ACTIONS,
  'CustomerChangeAction',
  'What a change to a customer did',
  {
    REGISTERED: 'The customer was registered',
    UPDATED: 'Master data (name, code, type, tags, language, channel) changed',
    TIER_CHANGED: 'The service tier changed',
    CONSENTS_CHANGED: 'The contact consents changed',
    CONTACT_ADDED: 'A contact person was added',
    CONTACT_UPDATED: 'A contact person changed',
    CONTACT_REMOVED: 'A contact person was removed',
    REVISIT_SCHEDULED: 'A care revisit was scheduled',
    REVISIT_RECORDED: 'The outcome of a care revisit was recorded',
    REVISIT_CANCELLED: 'A care revisit was cancelled',
  },
);
export const CustomerOrder = graphqlEnumOf(
  ['NAME', 'CODE', 'CREATED_AT'],
  'CustomerOrder',
  'NAME and CODE ascending, CREATED_AT newest first; ties broken by id',
  { NAME: 'By name, A to Z', CODE: 'By customer code, ascending', CREATED_AT: 'Newest registrations first' },
);

@ObjectType('CustomerConsents', { description: 'What the customer agreed to be contacted for' })
export class Consents {
  @Field({ description: 'Marketing messages' })
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
  @Field(() => ID, { description: 'The contact’s id (stable across updates)' })
  id: string;

  @Field({ description: 'Full name (personal data)' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Job title, e.g. Office Manager' })
  title: string | null;

  @Field(() => String, { nullable: true, description: 'E.164, e.g. +8613812345678' })
  phone: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address (personal data)' })
  email: string | null;

  @Field({ description: 'The contact to reach first; exactly one per customer' })
  isPrimary: boolean;

  @Field({ description: 'true when name, phone and email are masks (e.g. 138****5678, j***@example.com)' })
  masked: boolean;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A customer of the operations centre (客戶)' })
export class Customer {
  @Field(() => ID, { description: 'The customer’s id (UUID)' })
  id: string;

  @Field({ description: 'Unique, upper-case, e.g. C-2025-0042' })
  code: string;

  @Field({ description: 'Name of the person or organisation' })
  name: string;

  @Field(() => CustomerType, { description: 'Person or organisation' })
  type: Type;

  @Field(() => CustomerTier, { description: 'Service tier (changeCustomerTier)' })
  tier: Tier;

  @Field(() => [String], { description: 'Lower-case labels' })
  tags: string[];

  @Field(() => TicketChannel, { nullable: true, description: 'How the customer prefers to be reached' })
  preferredChannel: Channel | null;

  @Field(() => String, { nullable: true, description: 'BCP 47, e.g. zh-TW' })
  language: string | null;

  @Field(() => Consents, { description: 'What the customer agreed to be contacted for' })
  consents: Consents;

  @Field(() => Date, { nullable: true, description: 'When the consents last changed; null if never' })
  consentsUpdatedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the last care revisit took place; null if none' })
  lastRevisitAt: Date | null;

  @Field(() => Int, {
    description: 'Optimistic-lock version: pass it as expectedVersion to change the customer',
  })
  version: number;

  @Field({ description: 'When the customer was registered' })
  createdAt: Date;

  @Field({ description: 'When the customer last changed' })
  updatedAt: Date;
}

@ObjectType('CustomerFieldChange', {
  description: 'One field of a change: its name and its values before and after',
})
export class FieldChange {
  @Field({ description: 'The field’s name, e.g. tier or contacts.phone' })
  field: string;

  @Field(() => String, {
    nullable: true,
    description: 'null for personal data, which is audited by name only',
  })
  from: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The new value; null for personal data or when cleared',
  })
  to: string | null;
}

@ObjectType({ description: 'One entry of a customer’s audit trail' })
export class CustomerChange {
  @Field(() => ID, { description: 'The audit entry’s id' })
  id: string;

  @Field(() => Int, { description: 'The customer’s version after the change' })
  customerVersion: number;

  @Field(() => CustomerChangeAction, { description: 'What the change did' })
  action: ChangeAction;

  @Field(() => ID, { nullable: true, description: 'The contact or revisit concerned' })
  subjectId: string | null;

  @Field(() => [FieldChange], { description: 'The fields that changed' })
  changes: FieldChange[];

  @Field(() => ID, { nullable: true, description: 'Who made the change (user id); null for the system' })
  actorId: string | null;

  @Field({ description: 'The role they acted in, e.g. AGENT or system' })
  actorRole: string;

  @Field({ description: 'When the change happened' })
  occurredAt: Date;
}

export const CustomerConnection = Connection(Customer);
export const CustomerChangeConnection = Connection(CustomerChange);
