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

/** Registers a TypeScript enum as a GraphQL enum and returns it, so a module declares and exposes it in one line. */
export function graphqlEnum<E extends Record<string, string>>(
  values: E,
  name: string,
  description?: string,
): E {
  registerEnumType(values, { name, description });
  return values;
}

/** `graphqlEnum` for a list of values (`['A', 'B']` → `{ A: 'A', B: 'B' }`), e.g. a contract's value list. */
export function graphqlEnumOf<const T extends readonly string[]>(
  values: T,
  name: string,
  description?: string,
): { readonly [K in T[number]]: K } {
  const members = Object.fromEntries(values.map((value) => [value, value])) as { [K in T[number]]: K };
  return graphqlEnum(members, name, description);
}

/**
 * The `expectedVersion` field of a change input: an Int of at least 1 (optimistic lock), written once for every
 * change input.
 */
export function ExpectedVersion(description?: string): PropertyDecorator {
  return (target, property) => {
    Min(1)(target, property);
    IsInt()(target, property);
    Field(() => Int, description === undefined ? undefined : { description })(target, property);
  };
}
