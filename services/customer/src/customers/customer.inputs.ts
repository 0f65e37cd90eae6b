import type {
  CustomerTier as Tier,
  CustomerType as Type,
  TicketChannel as Channel,
} from '@opsgraph/contracts-events';
import { ConnectionArgs, ExpectedVersion } from '@opsgraph/graphql-kit';
import {
  ArrayMaxSize,
  IsEmail,
  IsOptional,
  Length,
  MaxLength,
  ValidateBy,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import {
  MAX_CONTACTS,
  MAX_TAGS,
  normalizeCode,
  normalizeLanguage,
  normalizePhone,
  normalizeTag,
} from './customer.rules';
import { CustomerOrder, CustomerTier, CustomerType, TicketChannel } from './customer.type';

/** A class-validator rule that accepts what a customer.rules normalizer accepts (one definition of each format). */
function Normalizable(name: string, normalize: (value: string) => unknown, rule: string, each = false) {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value: unknown) =>
          value === null || (typeof value === 'string' && normalize(value) !== null),
        defaultMessage: (args?: ValidationArguments) => `${args?.property ?? 'value'} ${rule}`,
      },
    },
    { each },
  );
}

const IsCustomerCode = () =>
  Normalizable(
    'isCustomerCode',
    normalizeCode,
    'must be 1–32 letters, digits, ".", "_" or "-" (e.g. C-2025-0042)',
  );
const IsTag = () =>
  Normalizable('isTag', normalizeTag, 'must be 1–32 letters, digits, spaces, ".", "_" or "-"', true);
const IsLanguageTag = () =>
  Normalizable('isLanguageTag', normalizeLanguage, 'must be a BCP 47 language tag (e.g. zh-TW)');
const IsPhone = () =>
  Normalizable(
    'isPhone',
    normalizePhone,
    'must be a phone number in international form, e.g. +8613812345678',
  );
const EMAIL_RULE = { message: 'email must be an e-mail address' };

/** The customer's language: an optional BCP 47 tag (null clears it on update). */
function LanguageField(): PropertyDecorator {
  return (target, property) => {
    IsLanguageTag()(target, property);
    IsOptional()(target, property);
    Field(() => String, { nullable: true, description: 'Preferred language, a BCP 47 tag (e.g. zh-TW)' })(
      target,
      property,
    );
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeScript's form for a mixin's base constructor
type InputClass = abstract new (...args: any[]) => object;

/** The base of an input whose fields all come from a mixin below. */
abstract class NoFields {}

/** The three consent flags after `Base`'s fields. */
function withConsentFlags<Base extends InputClass>(Base: Base, name: string) {
  @InputType(name)
  abstract class ConsentFlags extends Base {
    @Field({ nullable: true, description: 'Marketing messages' })
    marketing?: boolean;

    @Field({ nullable: true, description: 'Satisfaction surveys after tickets' })
    surveys?: boolean;

    @Field({ nullable: true, description: 'Care revisits (回訪)' })
    revisits?: boolean;
  }
  return ConsentFlags;
}

@InputType('CustomerConsentsInput', {
  description: 'Consent flags; omitted ones are false on registration and unchanged on update',
})
export class ConsentsInput extends withConsentFlags(NoFields, 'CustomerConsentFlags') {}

/**
 * A contact's own fields (name, title, phone, email) after `Base`'s: all required-as-declared for a new contact,
 * each optional in an update (`optional`), with one set of rules for both.
 */
function withContactFields<Base extends InputClass>(
  Base: Base,
  name: string,
  { optional }: { optional: boolean },
) {
  const skipWhenOmitted: PropertyDecorator = optional ? IsOptional() : () => undefined;

  @InputType(name)
  abstract class ContactFields extends Base {
    @Field(() => String, { nullable: optional, description: 'Full name, 1–100 characters' })
    @skipWhenOmitted
    @Length(1, 100)
    name?: string;

    @Field(() => String, { nullable: true, description: 'Job title, at most 100 characters' })
    @IsOptional()
    @MaxLength(100)
    title?: string | null;

    @Field(() => String, {
      nullable: true,
      description: optional
        ? 'Phone in international form, e.g. +8613812345678'
        : 'Phone in international form, e.g. +8613812345678; at least one of phone and email',
    })
    @IsOptional()
    @IsPhone()
    phone?: string | null;

    @Field(() => String, { nullable: true, description: 'E-mail address' })
    @IsOptional()
    @MaxLength(254)
    @IsEmail({}, EMAIL_RULE)
    email?: string | null;
  }
  return ContactFields;
}

@InputType('CustomerContactInput', { description: 'A new contact person' })
export class ContactInput extends withContactFields(NoFields, 'CustomerContactFields', { optional: false }) {
  declare name: string;

  @Field({ nullable: true, description: 'Default: the first contact is primary' })
  isPrimary?: boolean;
}

@InputType({ description: 'A new customer' })
export class RegisterCustomerInput {
  @Field({ description: 'Unique code, 1–32 letters, digits, ".", "_" or "-"; stored upper-case' })
  @IsCustomerCode()
  code: string;

  @Field({ description: 'Name of the person or organisation, 1–200 characters' })
  @Length(1, 200)
  name: string;

  @Field(() => CustomerType, { description: 'Person or organisation' })
  type: Type;

  @Field(() => CustomerTier, { defaultValue: 'STANDARD', description: 'Other than STANDARD: managers only' })
  tier: Tier;

  @Field(() => [String], { defaultValue: [], description: `Labels (at most ${MAX_TAGS}); stored lower-case` })
  @ArrayMaxSize(MAX_TAGS)
  @IsTag()
  tags: string[];

  @Field(() => TicketChannel, { nullable: true, description: 'How the customer prefers to be reached' })
  preferredChannel?: Channel | null;

  @LanguageField()
  language?: string | null;

  @Field(() => ConsentsInput, {
    nullable: true,
    description: 'What the customer agreed to; omitted: nothing',
  })
  @IsOptional()
  @ValidateNested()
  consents?: ConsentsInput | null;

  @Field(() => [ContactInput], { defaultValue: [], description: `Contact persons (at most ${MAX_CONTACTS})` })
  @ArrayMaxSize(MAX_CONTACTS)
  @ValidateNested({ each: true })
  contacts: ContactInput[];
}

/** The customer a change is made to, and the version it was made against. */
@InputType('CustomerVersionRef')
abstract class CustomerVersionRef {
  @Field(() => ID, { description: 'The customer' })
  id: string;

  @ExpectedVersion()
  expectedVersion: number;
}

/** One contact of a customer, and the customer's version the change was made against. */
@InputType('CustomerContactVersionRef')
abstract class ContactVersionRef {
  @Field(() => ID, { description: 'The customer' })
  customerId: string;

  @Field(() => ID, { description: 'The contact person' })
  contactId: string;

  @ExpectedVersion()
  expectedVersion: number;
}

@InputType({ description: 'Omitted fields stay as they are; null clears preferredChannel and language' })
export class UpdateCustomerInput extends CustomerVersionRef {
  @Field({ nullable: true, description: 'New unique code' })
  @IsOptional()
  @IsCustomerCode()
  code?: string;

  @Field({ nullable: true, description: 'New name' })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => CustomerType, { nullable: true, description: 'Person or organisation' })
  type?: Type;

  @Field(() => [String], { nullable: true, description: 'Replaces all tags' })
  @IsOptional()
  @ArrayMaxSize(MAX_TAGS)
  @IsTag()
  tags?: string[];

  @Field(() => TicketChannel, { nullable: true, description: 'How the customer prefers to be reached' })
  preferredChannel?: Channel | null;

  @LanguageField()
  language?: string | null;
}

@InputType({ description: 'A new service tier (managers only)' })
export class ChangeCustomerTierInput extends CustomerVersionRef {
  @Field(() => CustomerTier, { description: 'The new tier' })
  tier: Tier;

  @Field(() => String, { nullable: true, description: 'Why, for the audit trail (at most 500 characters)' })
  @IsOptional()
  @Length(1, 500)
  reason?: string | null;
}

@InputType({ description: 'Consent flags to change; omitted ones stay as they are' })
export class UpdateCustomerConsentsInput extends withConsentFlags(
  CustomerVersionRef,
  'CustomerConsentFlagsUpdate',
) {}

@InputType({ description: 'A contact person added to a customer' })
export class AddCustomerContactInput extends ContactInput {
  @Field(() => ID, { description: 'The customer' })
  customerId: string;

  @ExpectedVersion()
  expectedVersion: number;
}

@InputType({ description: 'Omitted fields stay as they are; null clears title, phone or email' })
export class UpdateCustomerContactInput extends withContactFields(
  ContactVersionRef,
  'CustomerContactUpdateFields',
  {
    optional: true,
  },
) {
  @Field({
    nullable: true,
    description: 'true makes it the primary contact (another one must be made primary instead of false)',
  })
  isPrimary?: boolean;
}

@InputType({
  description:
    'A contact person to remove; when it was the primary one, the oldest remaining contact becomes primary',
})
export class RemoveCustomerContactInput extends ContactVersionRef {}

@InputType({ description: 'Which customers to list; all conditions must hold' })
export class CustomerFilter {
  @Field({ nullable: true, description: 'Part of the name, or the start of the code' })
  @IsOptional()
  @Length(1, 100)
  text?: string;

  @Field(() => [String], { nullable: true, description: 'Customers having all these tags' })
  @IsOptional()
  @ArrayMaxSize(MAX_TAGS)
  @IsTag()
  tags?: string[];

  @Field(() => [CustomerTier], { nullable: true, description: 'Customers of any of these tiers' })
  tiers?: Tier[];

  @Field(() => [CustomerType], { nullable: true, description: 'Customers of any of these types' })
  types?: Type[];
}

@ArgsType()
export class CustomersArgs extends ConnectionArgs {
  @Field(() => CustomerFilter, { nullable: true, description: 'Which customers; omitted: all' })
  @IsOptional()
  @ValidateNested()
  filter?: CustomerFilter | null;

  @Field(() => CustomerOrder, { defaultValue: 'NAME', description: 'Sort order' })
  orderBy: keyof typeof CustomerOrder;
}
