// Shared field rules for inputs, so every subgraph validates text, ids and enums the same way.
import { IsEnum, IsInt, IsNotEmpty, IsString, Length, Matches, Min, ValidateIf } from 'class-validator';
import { Field, InputType, Int, registerEnumType } from 'type-graphql';

const NOT_BLANK = /\S/;

export interface TextRules {
  /** Default 1. */
  min?: number;
  max: number;
  /** null/undefined allowed (the GraphQL field is nullable). */
  optional?: boolean;
}

/** A text field: a string of `min`..`max` characters that is not only white space (NUL is refused globally). */
export function Text(rules: TextRules): PropertyDecorator {
  const min = rules.min ?? 1;
  return (target, property) => {
    if (rules.optional) ValidateIf((_, value) => value !== null && value !== undefined)(target, property);
    IsString()(target, property);
    Length(min, rules.max)(target, property);
    if (min > 0) {
      IsNotEmpty()(target, property);
      Matches(NOT_BLANK, { message: `${String(property)} must not be blank` })(target, property);
    }
  };
}

/** Registers a TypeScript enum as a GraphQL enum and returns it, so a module declares and exposes it in one line. */
export function graphqlEnum<E extends Record<string, string>>(
  values: E,
  name: string,
  description?: string,
): E {
  registerEnumType(values, { name, description });
  return values;
}

/** A class-validator rule for a field typed with a TypeScript enum. */
export function OneOf(values: Record<string, string>): PropertyDecorator {
  return IsEnum(values) as PropertyDecorator;
}

/** Base of every mutation input that changes an aggregate (`@InputType() class X extends VersionedInput`). */
@InputType()
export abstract class VersionedInput {
  @Field(() => Int, { description: 'The version the change was made against (optimistic lock)' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

/**
 * The `expectedVersion` field of a change input: an Int of at least 1 (optimistic lock). For inputs that need it
 * after their own fields or without VersionedInput's description, so the rule is still written once.
 */
export function ExpectedVersion(description?: string): PropertyDecorator {
  return (target, property) => {
    Min(1)(target, property);
    IsInt()(target, property);
    Field(() => Int, description === undefined ? undefined : { description })(target, property);
  };
}
