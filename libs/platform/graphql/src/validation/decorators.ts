// Shared field rules for inputs, so every subgraph validates text, ids and enums the same way.
import { IsInt, IsNotEmpty, IsString, Length, Matches, Min, ValidateIf } from 'class-validator';
import { Field, Int, registerEnumType } from 'type-graphql';

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

/** What each value of an enum means, for the public schema's documentation. */
export type EnumValueDescriptions<K extends string> = { readonly [V in K]?: string };

/** Registers a TypeScript enum as a GraphQL enum and returns it, so a module declares and exposes it in one line. */
export function graphqlEnum<E extends Record<string, string>>(
  values: E,
  name: string,
  description?: string,
  valueDescriptions?: EnumValueDescriptions<Extract<keyof E, string>>,
): E {
  const valuesConfig = valueDescriptions
    ? Object.fromEntries(
        Object.entries(valueDescriptions).map(([value, text]) => [value, { description: text }]),
      )
    : undefined;
  registerEnumType(values, { name, description, valuesConfig: valuesConfig as never });
  return values;
}

/** `graphqlEnum` for a list of values (`['A', 'B']` → `{ A: 'A', B: 'B' }`), e.g. a contract's value list. */
export function graphqlEnumOf<const T extends readonly string[]>(
  values: T,
  name: string,
  description?: string,
  valueDescriptions?: EnumValueDescriptions<T[number]>,
): { readonly [K in T[number]]: K } {
  const members = Object.fromEntries(values.map((value) => [value, value])) as { [K in T[number]]: K };
  return graphqlEnum(members, name, description, valueDescriptions as never);
}

/**
 * The `expectedVersion` field of a change input: an Int of at least 1 (optimistic lock), written once for every
 * change input.
 */
export const EXPECTED_VERSION_DESCRIPTION = 'The version the client last saw; a stale one is a CONFLICT';

export function ExpectedVersion(description = EXPECTED_VERSION_DESCRIPTION): PropertyDecorator {
  return (target, property) => {
    Min(1)(target, property);
    IsInt()(target, property);
    Field(() => Int, { description })(target, property);
  };
}
